package ru.ccbilling.web;

import java.beans.PropertyDescriptor;
import java.lang.annotation.ElementType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

/**
 * Records taken as JSON trees (a CDR batch, service events) are checked by their own readers, field by field;
 * bean validation must not walk into them. It would, because the contract marks each item {@code @Valid}, and it
 * cost about a fifth of intake's CPU: twice per request (body and method validation) for every record.
 */
@Configuration(proxyBeanMethods = false)
class JsonTreesAreNotBeans {

    @Bean
    ValidationConfigurationCustomizer jsonTreesAreNotCascaded() {
        return configuration -> configuration.traversableResolver(new SkipJsonTrees());
    }

    static final class SkipJsonTrees implements TraversableResolver {

        private final Map<String, Boolean> holdsJson = new ConcurrentHashMap<>();

        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path path, ElementType type) {
            if (bean == null || property == null || property.getName() == null) {
                return true;
            }
            Class<?> beanType = bean.getClass();
            return !holdsJson.computeIfAbsent(beanType.getName() + '#' + property.getName(),
                    key -> holdsJsonTrees(beanType, property.getName()));
        }

        /** a JsonNode, or a collection or map of them */
        private static boolean holdsJsonTrees(Class<?> beanType, String name) {
            PropertyDescriptor descriptor = BeanUtils.getPropertyDescriptor(beanType, name);
            if (descriptor == null || descriptor.getReadMethod() == null) {
                return false;
            }
            ResolvableType type = ResolvableType.forMethodReturnType(descriptor.getReadMethod());
            if (isJson(type)) {
                return true;
            }
            ResolvableType element = type.asCollection().getGeneric(0);
            ResolvableType value = type.asMap().getGeneric(1);
            return isJson(element) || isJson(value);
        }

        private static boolean isJson(ResolvableType type) {
            Class<?> resolved = type.resolve();
            return resolved != null && JsonNode.class.isAssignableFrom(resolved);
        }
    }
}
