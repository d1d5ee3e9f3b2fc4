package ru.ccbilling.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import ru.ccbilling.input.ClientDates;
import ru.ccbilling.input.StoredText;
import ru.ccbilling.refusal.Text;

/**
 * How JSON request bodies are read, stricter than the application's own JSON: every string is text PostgreSQL
 * stores byte for byte ({@link StoredText}), dates lie in the years of {@link ClientDates}, a fraction is not taken
 * for an integer, a number too large for a double stays exact, no list holds a null, and nothing may follow the
 * JSON value. A refusal names the field by its path (400). Records taken as JSON trees (CDRs, service events,
 * mapping definitions) are checked by their own readers, so that one bad record is refused on its own.
 */
@Configuration(proxyBeanMethods = false)
class RequestBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(strict(json.getObjectMapper()));
            }
        }
    }

    static ObjectMapper strict(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("ccbilling-request-bodies");
        module.addDeserializer(String.class, new CheckedText());
        module.addDeserializer(LocalDate.class, inRange(LocalDateDeserializer.INSTANCE));
        module.addDeserializer(OffsetDateTime.class, inRange(InstantDeserializer.OFFSET_DATE_TIME));
        module.setDeserializerModifier(new NoNullElements.InLists());
        return mapper.copy().registerModule(module)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    @SuppressWarnings("unchecked")
    private static <T> JsonDeserializer<T> inRange(JsonDeserializer<T> dates) {
        return (JsonDeserializer<T>) new DatesInRange(dates);
    }

    private static final class CheckedText extends StdScalarDeserializer<String> {

        CheckedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            Text problem = text == null ? null : StoredText.problem(text);
            if (problem != null) {
                throw new BodyValueRefused(p, problem);
            }
            return text;
        }
    }

    /**
     * A null inside a list (a contact, a tariff assignment, an account to close) is refused naming its index. Lists of
     * JSON trees are left alone: their readers refuse a null record on its own, and the batch goes on.
     */
    private static final class NoNullElements extends DelegatingDeserializer {

        NoNullElements(JsonDeserializer<?> lists) {
            super(lists);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new NoNullElements(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return checked(p, super.deserialize(p, ctxt));
        }

        @SuppressWarnings("unchecked")
        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws IOException {
            return checked(p, ((JsonDeserializer<Object>) _delegatee).deserialize(p, ctxt, intoValue));
        }

        private static Object checked(JsonParser p, Object value) throws IOException {
            if (value instanceof Collection<?> elements) {
                int i = 0;
                for (Object element : elements) {
                    if (element == null) {
                        BodyValueRefused refused = new BodyValueRefused(p, Text.of("value.notNull"));
                        refused.prependPath(elements, i);
                        throw refused;
                    }
                    i++;
                }
            }
            return value;
        }

        static final class InLists extends BeanDeserializerModifier {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return JsonNode.class.isAssignableFrom(type.getContentType().getRawClass())
                        ? new BoundedTrees() : new NoNullElements(deserializer);
            }
        }
    }

    /**
     * Lists of JSON trees (records of a batch) stop at {@link #MOST_TREES}: a body of empty objects would otherwise
     * become millions of trees before any controller counts them. A null element stays a null tree, refused alone.
     */
    static final class BoundedTrees extends StdDeserializer<List<JsonNode>> {

        /** the largest batch any operation takes (CDRs, service events, simulations) */
        static final int MOST_TREES = 10_000;

        BoundedTrees() {
            super(List.class);
        }

        @Override
        public List<JsonNode> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartArrayToken()) {
                @SuppressWarnings("unchecked")
                List<JsonNode> unexpected = (List<JsonNode>) ctxt.handleUnexpectedToken(List.class, p);
                return unexpected;
            }
            List<JsonNode> trees = new java.util.ArrayList<>();
            while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                if (trees.size() == MOST_TREES) {
                    throw new BodyValueRefused(p, Text.of("body.tooManyRecords", MOST_TREES));
                }
                trees.add(ctxt.readTree(p));
            }
            return trees;
        }
    }

    private static final class DatesInRange extends DelegatingDeserializer {

        DatesInRange(JsonDeserializer<?> dates) {
            super(dates);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new DatesInRange(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            int year = value instanceof LocalDate d ? d.getYear()
                    : value instanceof OffsetDateTime t ? t.getYear() : ClientDates.EARLIEST_YEAR;
            if (!ClientDates.inRange(year)) {
                throw new BodyValueRefused(p, ClientDates.RANGE);
            }
            return value;
        }
    }
}
