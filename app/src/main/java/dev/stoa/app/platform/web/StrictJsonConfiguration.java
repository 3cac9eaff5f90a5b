package dev.stoa.app.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import dev.stoa.api.platform.InstantParam;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies are read as their JSON types say: a number or a boolean where a string belongs ({@code "firstName":
 * true}) is 400 {@code malformed_request} naming the field, "must be a string", as a string where a number belongs
 * already was ({@code spring.jackson.mapper.allow-coercion-of-scalars: false} covers that direction only). Jackson
 * turned such a scalar into its text: a customer's first name read "true" on their reviews and certificate (found by
 * a walkthrough, 2026-12-06). An instant is an ISO-8601 string too: a number was read as epoch seconds
 * ({@code "expiresAt": 1900000000}, a voucher valid until 2030), and a UUID a string. The platform's own event
 * serializer is another mapper, untouched.
 */
@Configuration
public class StrictJsonConfiguration implements WebMvcConfigurer {

    /**
     * A request body's members are the body's fields, each once: an unknown one ({@code "item"} for {@code "items"}) is
     * 400 {@code malformed_request} naming it, and so is a member given twice. Before 2026-12-06 (fourth session) both
     * were read past: a refund request whose misspelt {@code item} list was dropped asked for the whole order (a missing
     * {@code items} means everything), and a progress update with {@code "complete": true} recorded nothing. The body is
     * one JSON value and nothing after it: {@code {"orderId":..} {"items":[..]}} read the first object and dropped the
     * rest, a refund of the whole order again (found by a walkthrough, 2026-12-06, sixth session). Only the
     * converter that reads request bodies (and writes answers) is strict; the application's own mapper, which other
     * parts may use to read what they stored, is not changed.
     */
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters)
            if (converter instanceof MappingJackson2HttpMessageConverter json)
                json.setObjectMapper(json.getObjectMapper().copy()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noScalarsAsText() {
        return builder -> builder
                .deserializerByType(Instant.class, new StorableInstants())
                // a number was read as its text, then refused as a bad value (validation_failed, where an id record's
                // said malformed_request: one mistake, two codes)
                .deserializerByType(UUID.class, new CanonicalUuids())
                .postConfigurer(mapper -> {
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    // a string of blanks is no number and no boolean: it was read as "not given" ("passingScore": "  "
                    // reset the course's to its default, "weightGrams": "  " cleared the product's; before 2026-12-07,
                    // walkthrough), where "" was already refused as the wrong type
                    for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean))
                        mapper.coercionConfigFor(scalar).setAcceptBlankAsEmpty(false);
                });
    }

    /**
     * A UUID member is a string in the canonical 8-4-4-4-12 shape, nothing around it: Jackson trimmed it first, so
     * {@code " <id>"} was taken where a typed id's record refuses it (before 2026-12-07; walkthrough).
     */
    static final class CanonicalUuids extends StdScalarDeserializer<UUID> {
        CanonicalUuids() { super(UUID.class); }

        @Override
        public UUID deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) return (UUID) ctxt.handleUnexpectedToken(UUID.class, p);
            String text = p.getText();
            if (!dev.stoa.api.platform.Ids.isUuid(text))
                return (UUID) ctxt.handleWeirdStringValue(UUID.class, text, "not a UUID (8-4-4-4-12 hex digits)");
            return UUID.fromString(text);
        }
    }

    /**
     * An instant member is an ISO-8601 string of the years 1 to 9999 ({@link InstantParam#storable}): a coupon valid until
     * {@code +999999999-12-31T23:59:59Z} was taken (201), then parked its read model's event (the milliseconds overflow;
     * a year 300000 voucher, PostgreSQL's timestamp), so the coupon was missing from the admin's lists and the cart's
     * quote while checkout applied it (before 2026-12-07; walkthrough). The lists' {@code from}/{@code to} had the bound.
     */
    static final class StorableInstants extends StdScalarDeserializer<Instant> {
        private final StringsOnly<Instant> strings = new StringsOnly<>(Instant.class, InstantDeserializer.INSTANT);

        StorableInstants() { super(Instant.class); }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            // a date-time has its T: Jackson read a string of digits as epoch seconds ("1798000000", a coupon valid
            // until 2026-12-23; walkthrough Z18), as it had read the number
            if (p.hasToken(JsonToken.VALUE_STRING) && p.getText().indexOf('T') < 0 && p.getText().indexOf('t') < 0)
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(), "not an ISO-8601 date-time");
            Instant instant = strings.deserialize(p, ctxt);
            if (instant == null) return null;
            // to the microsecond, as PostgreSQL keeps it: the read models rounded what the events kept to the
            // nanosecond (a coupon valid until .9999996 listed as the next second), and the last nanoseconds of the
            // year 9999 fell outside it
            instant = instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
            if (!InstantParam.storable(instant))
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(), InstantParam.STORABLE_RANGE);
            return instant;
        }
    }

    /** Jackson's own reading of a type written as a string (an instant, a UUID), for a string only. */
    static final class StringsOnly<T> extends StdScalarDeserializer<T> {
        private final JsonDeserializer<T> jacksons;

        StringsOnly(Class<T> type, JsonDeserializer<T> jacksons) {
            super(type);
            this.jacksons = jacksons;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) return (T) ctxt.handleUnexpectedToken(handledType(), p);
            return jacksons.deserialize(p, ctxt);
        }
    }
}
