package dev.stoa.app.platform.openapi;

import dev.stoa.api.catalog.ProductSort;
import dev.stoa.api.ordering.OrderStatus;
import dev.stoa.api.payment.PaymentStatus;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The closed sets of values that answers and filters take, as enums of the document, from the platform's own lists:
 * an order's, a payment's and a refund request's status (in answers and as the lists' {@code status} filter), the
 * lists' {@code sort} and search's {@code type}. Before 2026-12-07 they were bare strings: a generated client could not
 * branch on them, nor check a filter before sending it, and a payment's {@code canceled} (an order's is
 * {@code cancelled}) was found by trying (walkthrough Z14).
 */
@Component
class StatusValues implements OpenApiCustomizer {
    static final List<String> ORDER = Arrays.stream(OrderStatus.values()).map(OrderStatus::value).toList();
    static final List<String> PAYMENT = List.of(PaymentStatus.PENDING, PaymentStatus.CAPTURED, PaymentStatus.FAILED,
            PaymentStatus.CANCELED, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED);
    /** A refund request's (RefundRequestView; the refund list's filter). */
    static final List<String> REFUND_REQUEST = List.of("requested", "approved", "rejected", "refunded", "failed", "closed");
    static final List<String> SORT = Arrays.stream(ProductSort.values()).map(ProductSort::param).toList();

    /** Schema → property → its values. */
    private static final Map<String, Map<String, List<String>>> PROPERTIES = Map.of(
            "OrderView", Map.of("status", ORDER), "OrderViewHistoryEntry", Map.of("status", ORDER),
            "PlacedOrder", Map.of("status", ORDER),
            "PaymentView", Map.of("status", PAYMENT), "PaymentSummary", Map.of("status", PAYMENT),
            "PaymentBody", Map.of("status", PAYMENT), "OrderPaymentBody", Map.of("status", PAYMENT),
            "RefundRequestView", Map.of("status", REFUND_REQUEST));

    /** Query parameter → path → its values. */
    private static final Map<String, Map<String, List<String>>> PARAMETERS = Map.of(
            "status", Map.of("/api/v1/orders", ORDER, "/api/v1/users/me/orders", ORDER, "/api/v1/users/{userId}/orders", ORDER,
                    "/api/v1/vendors/me/orders", ORDER, "/api/v1/audit/orders", ORDER, "/api/v1/payments", PAYMENT,
                    "/api/v1/refunds", REFUND_REQUEST),
            "sort", Map.of("/api/v1/products", SORT, "/api/v1/courses", SORT, "/api/v1/search", SORT,
                    "/api/v1/vendors/me/products", SORT, "/api/v1/instructors/me/courses", SORT),
            "type", Map.of("/api/v1/search", List.of("product", "course")));

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            PROPERTIES.forEach((schemaName, properties) -> {
                Schema<?> schema = openApi.getComponents().getSchemas().get(schemaName);
                if (schema == null || schema.getProperties() == null) return;
                properties.forEach((name, values) -> {
                    Schema property = schema.getProperties().get(name);
                    if (property != null) schema.getProperties().put(name, withValues(property, values));
                });
            });
        }
        if (openApi.getPaths() == null) return;
        PARAMETERS.forEach((name, paths) -> paths.forEach((path, values) -> {
            PathItem item = openApi.getPaths().get(path);
            Operation get = item == null ? null : item.getGet();
            if (get == null || get.getParameters() == null) return;
            for (Parameter parameter : get.getParameters())
                if (name.equals(parameter.getName()) && "query".equals(parameter.getIn()) && parameter.getSchema() != null)
                    parameter.setSchema(withValues(parameter.getSchema(), values));
        }));
    }

    /**
     * A string schema of these values, in place of {@code original}: a new one, since springdoc shares one schema
     * instance among many parameters and properties of the same type (an enum set on it went to every one of them).
     */
    private static Schema<String> withValues(Schema<?> original, List<String> values) {
        Schema<String> copy = new Schema<>();
        copy.setType("string");
        copy.setTypes(new java.util.LinkedHashSet<>(List.of("string")));
        copy.setDescription(original.getDescription());
        copy.setEnum(List.copyOf(values));
        return copy;
    }
}
