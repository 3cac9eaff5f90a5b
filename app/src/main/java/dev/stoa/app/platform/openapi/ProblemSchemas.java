package dev.stoa.app.platform.openapi;

import dev.stoa.api.platform.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one {@code Problem} schema every error response uses (RFC 9457 plus {@code code} and {@code errors}), and the
 * {@code ProblemCode} enum of every code Stoa answers, so a generated client gets the codes as a type.
 */
final class ProblemSchemas {
    static final String PROBLEM = "Problem";
    static final String CODE = "ProblemCode";
    static final String FIELD_ERROR = "FieldError";
    /** The problem of {@code payment_required} (402): how to buy what was asked for (the only one with members of its own). */
    static final String PAYMENT_REQUIRED = "PaymentRequiredProblem";

    private ProblemSchemas() {}

    static void register(Components components) {
        StringSchema codes = new StringSchema();
        Arrays.stream(ErrorCode.values()).map(ErrorCode::code).distinct().forEach(codes::addEnumItem);
        codes.description("The stable machine code of a problem; which ones an operation answers is listed per response.");
        components.addSchemas(CODE, codes);
        components.addSchemas(FIELD_ERROR, new ObjectSchema().description("One invalid field or parameter.")
                .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())
                .required(List.of("field", "message")));
        components.addSchemas(PROBLEM, new ObjectSchema()
                .description("RFC 9457 problem details, as application/problem+json.")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Conflict"))
                .addProperty("status", new IntegerSchema().example(409))
                .addProperty("detail", new StringSchema().description("For people; never parse it."))
                .addProperty("instance", new StringSchema().description("The request path."))
                .addProperty("code", new Schema<>().$ref(ref(CODE)))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref(ref(FIELD_ERROR)))
                        .description("With validation_failed: each invalid field."))
                .addProperty("orderId", new StringSchema().format("uuid").description(
                        "With a checkout refused after its order was placed (a card the processor refused, a wallet debit "
                                + "refused): that order, now cancelled, which GET /api/v1/orders/{orderId} shows."))
                .addProperty("orderNumber", new StringSchema().description("With orderId: that order's number."))
                .required(List.of("title", "status", "code")));
        components.addSchemas(PAYMENT_REQUIRED, new ComposedSchema()
                .description("A paid course asked for without a payment: how to buy it (enrollment, 402 payment_required).")
                .addAllOfItem(new Schema<>().$ref(ref(PROBLEM)))
                .addAllOfItem(new ObjectSchema()
                        .addProperty("checkoutUrl", new StringSchema().description("Where to check out once it is in the cart.")
                                .example("/api/v1/orders"))
                        .addProperty("cartItem", new ObjectSchema().description("The body that puts it in the cart (POST /api/v1/cart/items).")
                                .addProperty("itemType", new StringSchema().example("course"))
                                .addProperty("itemId", new StringSchema().format("uuid"))
                                .addProperty("quantity", new IntegerSchema().example(1))
                                .required(List.of("itemType", "itemId", "quantity")))
                        .addProperty("priceCents", new IntegerSchema().format("int64").example(4900))
                        .addProperty("currency", new StringSchema().example("USD"))
                        .required(List.of("checkoutUrl", "cartItem", "priceCents", "currency"))));
    }

    /** The schema of the problems a response of this status carries. */
    static String forStatus(int status) { return status == ErrorCode.PAYMENT_REQUIRED.status() ? PAYMENT_REQUIRED : PROBLEM; }

    static String ref(String schema) { return "#/components/schemas/" + schema; }

    /** What a problem with this code looks like, for the response's examples. */
    static Example example(ErrorCode code) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", "about:blank");
        value.put("title", org.springframework.http.HttpStatus.valueOf(code.status()).getReasonPhrase());
        value.put("status", code.status());
        value.put("detail", code.meaning());
        value.put("code", code.code());
        if (code == ErrorCode.PAYMENT_REQUIRED) {
            value.put("checkoutUrl", "/api/v1/orders");
            value.put("cartItem", Map.of("itemType", "course", "itemId", "3f2a9c1e-8d4b-4e7a-9c2f-1b5d6e7f8a90", "quantity", 1));
            value.put("priceCents", 4900);
            value.put("currency", "USD");
        }
        return new Example().summary(code.meaning()).value(value);
    }
}
