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
    static final List<String> ENROLLMENT = List.of(dev.stoa.projection.learning.EnrollmentEntity.ACTIVE,
            dev.stoa.projection.learning.EnrollmentEntity.COMPLETED, dev.stoa.projection.learning.EnrollmentEntity.REVOKED);
    static final List<String> GRANT_SOURCE = List.of(dev.stoa.api.learning.GrantEnrollment.FREE,
            dev.stoa.api.learning.GrantEnrollment.WALLET, dev.stoa.api.learning.GrantEnrollment.ORDER);
    static final List<String> ITEM_TYPE = List.of(dev.stoa.api.ordering.OrderLine.PRODUCT, dev.stoa.api.ordering.OrderLine.COURSE);
    static final List<String> PAYMENT_METHOD = List.of(dev.stoa.api.ordering.PlaceOrder.CARD,
            dev.stoa.api.ordering.PlaceOrder.WALLET, dev.stoa.command.ordering.Checkout.FREE);
    static final List<String> USER_STATUS = dev.stoa.api.identity.FindUsers.STATUSES;

    /**
     * Schema → property → its values. Since 2026-12-07, sixth session (walkthrough Z26), also a refund request's status
     * in the answers of its commands, an enrollment's status and its grants' source, a card refund's status, the
     * payment's method, a line's item type, a search hit's and a suggestion's type, a wallet entry's type, a voucher's
     * state, a notification's channel and status, a user's status and where a cart is priced for.
     */
    private static final Map<String, Map<String, List<String>>> PROPERTIES = Map.ofEntries(
            Map.entry("OrderView", Map.of("status", ORDER)), Map.entry("OrderViewHistoryEntry", Map.of("status", ORDER)),
            Map.entry("PlacedOrder", Map.of("status", ORDER)),
            Map.entry("PaymentView", Map.of("status", PAYMENT)),
            Map.entry("PaymentSummary", Map.of("status", PAYMENT, "method", PAYMENT_METHOD)),
            Map.entry("PaymentBody", Map.of("status", PAYMENT)),
            Map.entry("OrderPaymentBody", Map.of("status", PAYMENT, "method", PAYMENT_METHOD)),
            Map.entry("PaymentViewRefundView", Map.of("status", List.of("requested", "succeeded", "failed"))),
            Map.entry("RefundAccepted", Map.of("status", List.of("requested"))),
            Map.entry("RefundRequestView", Map.of("status", REFUND_REQUEST)),
            Map.entry("Requested", Map.of("status", REFUND_REQUEST)), Map.entry("Decided", Map.of("status", REFUND_REQUEST)),
            Map.entry("RejectedRefund", Map.of("status", REFUND_REQUEST)), Map.entry("Retried", Map.of("status", REFUND_REQUEST)),
            Map.entry("Enrolled", Map.of("status", ENROLLMENT, "source", GRANT_SOURCE)),
            Map.entry("FindCourseEnrollmentsStudent", Map.of("status", ENROLLMENT)),
            Map.entry("FindEnrollmentProgressResult", Map.of("status", ENROLLMENT)),
            Map.entry("FindEnrollmentProgressGrant", Map.of("source", GRANT_SOURCE)),
            Map.entry("FindMyEnrollmentsItem", Map.of("status", ENROLLMENT)),
            Map.entry("ProgressSummary", Map.of("status", ENROLLMENT)),
            Map.entry("CartViewLine", Map.of("itemType", ITEM_TYPE)), Map.entry("OrderViewItem", Map.of("itemType", ITEM_TYPE)),
            Map.entry("RefundItem", Map.of("itemType", ITEM_TYPE)), Map.entry("RefundLineAmount", Map.of("itemType", ITEM_TYPE)),
            Map.entry("SearchResultHit", Map.of("type", ITEM_TYPE)), Map.entry("SuggestCatalogSuggestion", Map.of("type", ITEM_TYPE)),
            Map.entry("WalletEntryView", Map.of("type", List.of(dev.stoa.projection.wallet.WalletEntryEntity.TOPUP,
                    dev.stoa.projection.wallet.WalletEntryEntity.DEBIT, dev.stoa.projection.wallet.WalletEntryEntity.REFUND))),
            Map.entry("VoucherView", Map.of("state", List.of("active", "redeemed", "revoked", "expired"))),
            // API.md's sets: mail alone is sent, and nothing bounces yet, but a client takes the contract's values
            Map.entry("NotificationView", Map.of("channel", List.of("email", "sms", "push", "in_app"), "status", List.of(
                    dev.stoa.projection.notification.NotificationEntity.QUEUED,
                    dev.stoa.projection.notification.NotificationEntity.SENT,
                    dev.stoa.projection.notification.NotificationEntity.FAILED, "bounced"))),
            Map.entry("UserView", Map.of("status", USER_STATUS)),
            Map.entry("CartViewDestination", Map.of("source", List.of("address", "default_address", "origin"))));

    /** Query parameter → path → its values. */
    private static final Map<String, Map<String, List<String>>> PARAMETERS = Map.of(
            "status", Map.of("/api/v1/orders", ORDER, "/api/v1/users/me/orders", ORDER, "/api/v1/users/{userId}/orders", ORDER,
                    "/api/v1/vendors/me/orders", ORDER, "/api/v1/audit/orders", ORDER, "/api/v1/payments", PAYMENT,
                    "/api/v1/refunds", REFUND_REQUEST, "/api/v1/admin/users", USER_STATUS),
            "role", Map.of("/api/v1/admin/users", new java.util.TreeSet<>(dev.stoa.api.platform.Roles.ALL).stream().toList()),
            "sort", Map.of("/api/v1/products", SORT, "/api/v1/courses", SORT, "/api/v1/search", SORT,
                    "/api/v1/vendors/me/products", SORT, "/api/v1/instructors/me/courses", SORT),
            "type", Map.of("/api/v1/search", List.of("product", "course")));

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
            PROPERTIES.forEach((schemaName, properties) -> {
                Schema<?> schema = openApi.getComponents().getSchemas().get(schemaName);
                properties.forEach((name, values) -> {
                    Schema property = schema == null || schema.getProperties() == null ? null : schema.getProperties().get(name);
                    // a schema or member renamed would lose its values without a word (OpenApiDocumentIT reads this)
                    if (property == null) throw new IllegalStateException("no schema member " + schemaName + "." + name);
                    schema.getProperties().put(name, withValues(property, values));
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
