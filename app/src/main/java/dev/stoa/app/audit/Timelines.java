package dev.stoa.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.platform.Money;
import dev.stoa.app.audit.AggregateHistory.Moment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Readable timelines of orders and enrollments, from their events and the events naming them. */
final class Timelines {
    /** The aggregate types with a timeline, as the API names them. */
    static final List<String> WITH_TIMELINE = List.of("order", "enrollment");
    private static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("OrderPlaced", "pending"), Map.entry("OrderConfirmed", "confirmed"),
            Map.entry("OrderShipped", "shipped"), Map.entry("OrderDelivered", "delivered"),
            Map.entry("OrderCancelled", "cancelled"), Map.entry("OrderClosedByRefunds", "cancelled"),
            Map.entry("EnrollmentGranted", "active"),
            Map.entry("EnrollmentRevoked", "revoked"), Map.entry("CourseCompleted", "completed"));

    private Timelines() {}

    static List<Moment> of(List<AuditEntry> own, List<AuditEntry> naming) {
        List<AuditEntry> all = new ArrayList<>(own);
        all.addAll(naming);
        all.sort(Comparator.comparing(AuditEntry::at, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingLong(AuditEntry::position));
        return enrollmentStatuses(all.stream().map(Timelines::moment).toList());
    }

    /**
     * An enrollment's status after each of its moments, as the enrollment has it: a grant makes it active, or completed
     * again once the course was completed (a grant after a refund's revocation read "active" beside an enrollment that
     * is "completed"). Before 2026-12-07 each moment said its event's status alone (walkthrough Z33).
     */
    private static List<Moment> enrollmentStatuses(List<Moment> moments) {
        boolean completed = false;
        List<Moment> out = new ArrayList<>(moments.size());
        for (Moment m : moments) {
            String status = m.status();
            if (m.event().equals("CourseCompleted")) completed = true;
            else if (m.event().equals("EnrollmentGranted") && completed) status = "completed";
            out.add(java.util.Objects.equals(status, m.status()) ? m : withStatus(m, status));
        }
        return out;
    }

    private static Moment withStatus(Moment m, String status) {
        return new Moment(m.at(), m.position(), m.kind(), m.event(), m.text(), status, m.amountCents(), m.currency(),
                m.aggregateType(), m.aggregateId(), m.by());
    }

    static Moment moment(AuditEntry e) {
        JsonNode p = e.payload();
        Long amount = number(p, "amountCents");
        if (amount == null) amount = number(p, "totalCents");
        if (amount == null && p != null && p.path("amounts").has("totalCents")) amount = p.path("amounts").path("totalCents").asLong();
        // what a confirmation or an enrollment was paid (their amount was left out before 2026-12-07; walkthrough Z20)
        if (amount == null) amount = number(p, "paidCents");
        String currency = text(p, "currency");
        if (currency == null && p != null) currency = text(p.path("amounts"), "currency");
        StringBuilder text = new StringBuilder(sentence(e.type()));
        if (text(p, "orderNumber") != null && e.type().startsWith("Order")) text.append(' ').append(text(p, "orderNumber"));
        // a cancellation's amount is what the order had been paid, not what it moved: what came back is the refund's own
        // line (it read "Order cancelled ...: 58.97 USD" after 25.99 had been refunded, and 32.98 came back; Z30)
        boolean cancellation = e.type().equals("OrderCancelled");
        if (amount != null && currency != null && !(cancellation && amount == 0)) // unpaid: nothing to say (Z32)
            text.append(cancellation ? ", paid before " : ": ").append(Money.format(amount, currency));
        for (String field : List.of("paymentMethod", "reason", "source", "trackingNumber", "previousStatus")) {
            String value = text(p, field);
            if (value != null && !value.isBlank()) text.append(", ").append(words(field)).append(' ').append(value);
        }
        // an enrollment's grant and revocation name the order or purchase they came from, so that of two grants one
        // tells which was revoked; a quiz says its score, a completion its certificate (Z33)
        if (e.type().startsWith("Enrollment")) appendIfGiven(text, "reference", text(p, "reference"));
        if (e.type().equals("QuizSubmitted") && number(p, "scorePercent") != null)
            text.append(", score ").append(number(p, "scorePercent")).append(" % (").append(number(p, "correctCount"))
                    .append(" of ").append(number(p, "questionCount")).append(')');
        if (e.type().equals("CourseCompleted")) {
            appendIfGiven(text, "certificate", text(p, "certificateId"));
            if (number(p, "quizAverage") != null) text.append(", quiz average ").append(number(p, "quizAverage")).append(" %");
        }
        // a revocation another grant outlives revokes nothing (it read "revoked" beside an active enrollment)
        boolean accessKept = e.type().equals("EnrollmentRevoked") && p != null && p.path("accessActive").asBoolean(false);
        if (accessKept) text.append(", access kept by another grant");
        // how many units a stock step or a refund's withdrawal moved (left out before 2026-12-07; walkthrough Z20)
        Long quantity = number(p, "quantity");
        if (quantity != null) text.append(", quantity ").append(quantity);
        for (String field : List.of("units", "unitsSentBack")) {
            long units = units(p, field);
            if (units > 0) text.append(", ").append(words(field)).append(' ').append(units);
        }
        return new Moment(e.at(), e.position(), kind(e.type()), e.type(), text.toString(), accessKept ? null : STATUS.get(e.type()), amount,
                currency, e.aggregateType(), e.aggregateId(), e.metadata() == null ? null : e.metadata().userId());
    }

    private static void appendIfGiven(StringBuilder text, String label, String value) {
        if (value != null && !value.isBlank()) text.append(", ").append(label).append(' ').append(value);
    }

    static String kind(String type) {
        if (STATUS.containsKey(type) && !type.equals("EnrollmentGranted") && !type.equals("EnrollmentRevoked")
                && !type.equals("CourseCompleted")) return "status";
        if (type.startsWith("OrderLines")) return "fulfilment";
        if (type.contains("Refund") || type.startsWith("ProductReturn")) return "refund";
        if (type.startsWith("Payment") || type.equals("WalletDebited")) return "payment";
        if (type.equals("EnrollmentGranted")) return "grant";
        if (type.equals("EnrollmentRevoked")) return "revocation";
        if (type.startsWith("Stock")) return "stock";
        if (type.startsWith("CartCheck")) return "cart";
        if (type.startsWith("Lesson") || type.startsWith("Quiz") || type.equals("CourseCompleted")) return "progress";
        return "other";
    }

    /** {@code OrderConfirmed} → "Order confirmed". */
    static String sentence(String type) {
        String words = words(type);
        return words.isEmpty() ? type : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }

    /** The units of a list of {@code {itemId, quantity}} (0 when there is none). */
    private static long units(JsonNode node, String field) {
        JsonNode list = node == null ? null : node.get(field);
        long sum = 0;
        if (list != null && list.isArray()) for (JsonNode units : list) sum += units.path("quantity").asLong(0);
        return sum;
    }

    private static Long number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isNumber() ? null : value.asLong();
    }
}
