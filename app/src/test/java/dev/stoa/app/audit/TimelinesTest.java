package dev.stoa.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an order's timeline says of each moment: amounts in the currency's own decimals, as the mails show them. */
class TimelinesTest {
    private final ObjectMapper json = new ObjectMapper();

    private AggregateHistory.Moment moment(String type, String payload) throws Exception {
        return Timelines.moment(new AuditEntry(7, "e-1", "Order", "o-1", 1, type, "1", Instant.parse("2026-12-05T12:00:00Z"),
                json.readTree(payload), null));
    }

    @Test
    void anAmountIsWrittenWithItsCurrencysDecimals() throws Exception {
        // an order's confirmation says what was paid, paidCents (this test gave it a totalCents no confirmation has,
        // and the real one's amount was left out, until 2026-12-07; walkthrough Z20)
        assertThat(moment("OrderConfirmed", "{\"orderNumber\":\"ORD-20261205-AB7K\",\"paidCents\":1500,\"currency\":\"JPY\"}").text())
                .isEqualTo("Order confirmed ORD-20261205-AB7K: 1500 JPY");
        AggregateHistory.Moment confirmed = moment("OrderConfirmed",
                "{\"orderNumber\":\"ORD-20261205-AB7K\",\"paymentMethod\":\"card\",\"paidCents\":1234,\"currency\":\"USD\"}");
        assertThat(confirmed.text()).isEqualTo("Order confirmed ORD-20261205-AB7K: 12.34 USD, payment method card");
        assertThat(confirmed.amountCents()).isEqualTo(1234L);
        assertThat(moment("OrderPlaced", "{\"orderNumber\":\"ORD-20261205-AB7K\",\"amounts\":{\"totalCents\":1234,\"currency\":\"USD\"}}").text())
                .isEqualTo("Order placed ORD-20261205-AB7K: 12.34 USD");
        assertThat(moment("EnrollmentGranted", "{\"source\":\"order\",\"paidCents\":1500,\"currency\":\"USD\"}").amountCents())
                .isEqualTo(1500L);
        // a cancellation says what the order had been paid as that, not as what it moved (Z30)
        assertThat(moment("OrderCancelled", "{\"orderNumber\":\"ORD-20261205-AB7K\",\"paidCents\":5897,\"currency\":\"USD\","
                + "\"previousStatus\":\"confirmed\"}").text())
                .isEqualTo("Order cancelled ORD-20261205-AB7K, paid before 58.97 USD, previous status confirmed");
        assertThat(moment("OrderCancelled", "{\"orderNumber\":\"ORD-20261205-AB7K\",\"paidCents\":0,\"currency\":\"USD\"}")
                .text()).as("unpaid").isEqualTo("Order cancelled ORD-20261205-AB7K");
        assertThat(moment("WalletDebited", "{\"amountCents\":12345,\"currency\":\"BHD\"}").text())
                .isEqualTo("Wallet debited: 12.345 BHD");
    }

    /**
     * An enrollment's moments tell its grants apart by what they came from, say a quiz's score and a completion's
     * certificate, and carry the enrollment's status as it then was: a grant after the course was completed leaves it
     * completed, and a revocation another grant outlives revokes nothing. Before 2026-12-07 two grants read alike, a
     * second grant said "active" beside a completed enrollment (walkthrough Z33).
     */
    @Test
    void anEnrollmentsMomentsNameTheirGrantsAndKeepItsStatus() throws Exception {
        String first = "{\"source\":\"order\",\"reference\":\"o-1\",\"paidCents\":4999,\"currency\":\"EUR\"}";
        AggregateHistory.Moment grant = moment("EnrollmentGranted", first);
        assertThat(grant.text()).isEqualTo("Enrollment granted: 49.99 EUR, source order, reference o-1");
        assertThat(moment("QuizSubmitted", "{\"correctCount\":3,\"questionCount\":4,\"scorePercent\":75,"
                + "\"bestScorePercent\":80}").text()).isEqualTo("Quiz submitted, score 75 % (3 of 4)");
        assertThat(moment("CourseCompleted", "{\"certificateId\":\"c-9\",\"quizAverage\":80}").text())
                .isEqualTo("Course completed, certificate c-9, quiz average 80 %");
        AggregateHistory.Moment kept = moment("EnrollmentRevoked", "{\"source\":\"order\",\"reference\":\"o-1\","
                + "\"reason\":\"refunded\",\"accessActive\":true}");
        assertThat(kept.text()).isEqualTo("Enrollment revoked, reason refunded, source order, reference o-1, access kept by another grant");
        assertThat(kept.status()).isNull();

        java.util.List<AggregateHistory.Moment> timeline = Timelines.of(java.util.List.of(
                entry(1, "EnrollmentGranted", first),
                entry(2, "CourseCompleted", "{\"certificateId\":\"c-9\"}"),
                entry(3, "EnrollmentRevoked", "{\"source\":\"order\",\"reference\":\"o-1\",\"reason\":\"refunded\",\"accessActive\":false}"),
                entry(4, "EnrollmentGranted", "{\"source\":\"order\",\"reference\":\"o-2\",\"paidCents\":4999,\"currency\":\"EUR\"}")),
                java.util.List.of());
        assertThat(timeline).extracting(AggregateHistory.Moment::status).containsExactly("active", "completed", "revoked", "completed");
        assertThat(timeline.get(3).text()).endsWith("reference o-2");
    }

    private AuditEntry entry(long position, String type, String payload) throws Exception {
        return new AuditEntry(position, "e-" + position, "Enrollment", "en-1", position - 1, type, "1",
                Instant.parse("2026-12-05T12:00:00Z").plusSeconds(position), json.readTree(payload), null);
    }

    /** Units a stock step or a refund's withdrawal moved are said (they were left out before 2026-12-07; walkthrough Z20). */
    @Test
    void unitsAreCounted() throws Exception {
        assertThat(moment("StockReserved", "{\"productId\":\"p\",\"quantity\":2,\"onHand\":8}").text())
                .isEqualTo("Stock reserved, quantity 2");
        assertThat(moment("OrderLinesWithdrawn", "{\"refundId\":\"r\",\"units\":[{\"itemId\":\"a\",\"quantity\":2},"
                + "{\"itemId\":\"b\",\"quantity\":1}],\"unitsSentBack\":[{\"itemId\":\"c\",\"quantity\":1}]}").text())
                .isEqualTo("Order lines withdrawn, units 3, units sent back 1");
        assertThat(moment("OrderLinesWithdrawn", "{\"refundId\":\"r\",\"units\":[],\"unitsSentBack\":[]}").text())
                .isEqualTo("Order lines withdrawn");
    }
}
