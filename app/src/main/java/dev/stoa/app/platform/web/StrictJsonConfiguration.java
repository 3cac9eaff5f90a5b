package dev.stoa.app.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies are read as their JSON types say: a number or a boolean where a string belongs ({@code "firstName":
 * true}) is 400 {@code malformed_request} naming the field, "must be a string", as a string where a number belongs
 * already was ({@code spring.jackson.mapper.allow-coercion-of-scalars: false} covers that direction only). Jackson
 * turned such a scalar into its text: a customer's first name read "true" on their reviews and certificate (found by
 * a walkthrough, 2026-12-06). An instant is an ISO-8601 string too: a number was read as epoch seconds
 * ({@code "expiresAt": 1900000000}, a voucher valid until 2030). The platform's own event serializer is another
 * mapper, untouched.
 */
@Configuration
public class StrictJsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noScalarsAsText() {
        return builder -> builder
                .deserializerByType(Instant.class, new IsoInstants())
                .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** Jackson's own reading of an ISO-8601 instant, for a string only. */
    static final class IsoInstants extends StdScalarDeserializer<Instant> {
        IsoInstants() { super(Instant.class); }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    }
}
