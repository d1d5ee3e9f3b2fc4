package ru.ccbilling.web;

import java.io.IOException;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A request body read as a {@link Resource} (file uploads: CDR files, the number-range registry) is handed over
 * as the request's own stream, not as a byte array: Spring's converter would read a whole file into memory.
 * The stream can be read once, during the request.
 */
@Configuration(proxyBeanMethods = false)
class StreamingUploads implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i).getClass() == ResourceHttpMessageConverter.class) {
                converters.set(i, new StreamingResourceConverter());
            }
        }
    }

    private static final class StreamingResourceConverter extends ResourceHttpMessageConverter {
        @Override
        protected Resource readInternal(Class<? extends Resource> type, HttpInputMessage message) throws IOException {
            if (type == Resource.class || type == InputStreamResource.class) {
                return new InputStreamResource(message.getBody());
            }
            return super.readInternal(type, message);
        }
    }
}
