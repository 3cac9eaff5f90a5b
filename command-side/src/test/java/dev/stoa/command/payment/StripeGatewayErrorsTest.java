package dev.stoa.command.payment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import org.junit.jupiter.api.Test;

/**
 * Which of Stripe's errors refuse the request itself (recorded as its outcome: a refund then reads failed, and may be
 * retried under a new key) and which say nothing about it (retried, then parked): an idempotency error or a refused
 * platform key must never make a refund that may exist read failed, since a retry would then refund twice.
 */
class StripeGatewayErrorsTest {
    private static void throwing(StripeException e) { StripeGateway.call(() -> { throw e; }); }

    @Test
    void anIdempotencyErrorOrTheKeyRefused_isUnavailable_notARefusal() {
        assertThatThrownBy(() -> throwing(new IdempotencyException("Keys for idempotent requests can only be used with the "
                + "same parameters", "req_1", "idempotency_error", 400))).isInstanceOf(PaymentGateway.Unavailable.class);
        assertThatThrownBy(() -> throwing(new IdempotencyException("There is currently another in-progress request using "
                + "this Idempotent Key", "req_2", "idempotency_error", 409))).isInstanceOf(PaymentGateway.Unavailable.class);
        assertThatThrownBy(() -> throwing(new AuthenticationException("Invalid API Key provided", "req_3", null, 401)))
                .isInstanceOf(PaymentGateway.Unavailable.class);
        assertThatThrownBy(() -> throwing(new PermissionException("The provided key does not have access", "req_4", null, 403)))
                .isInstanceOf(PaymentGateway.Unavailable.class);
    }

    @Test
    void aCardErrorOrAnInvalidRequest_isARefusal() {
        assertThatThrownBy(() -> throwing(new InvalidRequestException("Charge has been refunded", null, "req_5",
                "charge_already_refunded", 400, null))).isInstanceOf(PaymentGateway.Refused.class);
        assertThatThrownBy(() -> throwing(new CardException("Your card was declined", "req_6", "card_declined",
                null, "generic_decline", null, 402, null))).isInstanceOf(PaymentGateway.Refused.class);
    }
}
