package dev.stoa.projection.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The payments list's row agrees with the payment's own record: a payment paid after a decline shows no failure. */
class PaymentEntityTest {
    private final Instant at = Instant.parse("2026-12-05T07:00:00Z");

    @Test
    void aCaptureAfterADecline_clearsTheDecline() {
        PaymentEntity payment = new PaymentEntity("p", "o", "b", 5_000, "USD", "stripe", "pi_1", at);
        payment.failed("failed", "generic_decline", "Your card was declined.", at);
        payment.captured(5_000, "USD", at.plusSeconds(60));
        assertThat(payment.getStatus()).isEqualTo("captured");
        assertThat(payment.getFailureCode()).isNull();
        assertThat(payment.getFailureMessage()).isNull();
    }

    /** A capture in another currency (then refunded) shows its amounts in that currency, as the payment's record does. */
    @Test
    void aCaptureInAnotherCurrency_showsIt() {
        PaymentEntity payment = new PaymentEntity("p", "o", "b", 5_000, "USD", "stripe", "pi_1", at);
        payment.captured(4_600, "EUR", at.plusSeconds(60));
        assertThat(payment.getCapturedCents()).isEqualTo(4_600);
        assertThat(payment.getCurrency()).isEqualTo("EUR");
        payment.captured(4_600, null, at.plusSeconds(61)); // an event stored before the currency was recorded
        assertThat(payment.getCurrency()).isEqualTo("EUR");
    }
}
