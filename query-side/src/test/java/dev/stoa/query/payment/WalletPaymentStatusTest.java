package dev.stoa.query.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.payment.FindOrderPayment;
import org.junit.jupiter.api.Test;

/** A wallet order's payment as GET /payments/wallet-{orderId} reads it: the debit and what came back, in every state. */
class WalletPaymentStatusTest {

    private static FindOrderPayment.Result order(String status, boolean declined, long debited, long refunded) {
        return new FindOrderPayment.Result("o-1", "u-1", status, "wallet", 2_500, "USD", declined, debited, refunded);
    }

    @Test
    void aDebitTaken_isCaptured_thenPartlyOrWhollyRefunded() {
        assertThat(PaymentQueryController.walletStatus(order("confirmed", false, 2_500, 0))).isEqualTo("captured");
        assertThat(PaymentQueryController.walletStatus(order("shipped", false, 2_500, 1_000))).isEqualTo("partially_refunded");
        assertThat(PaymentQueryController.walletStatus(order("cancelled", false, 2_500, 2_500))).isEqualTo("refunded");
    }

    @Test
    void aDebitThatLandedWhileThePendingOrderEnded_readsRefunded_notFailed() {
        // debited, then the order was cancelled before its confirmation: the debit came back whole
        assertThat(PaymentQueryController.walletStatus(order("cancelled", true, 2_500, 2_500))).isEqualTo("refunded");
        // the debit in before the order's confirmation was projected: the money is gone, the payment captured
        assertThat(PaymentQueryController.walletStatus(order("pending", false, 2_500, 0))).isEqualTo("captured");
    }

    @Test
    void noDebit_pendingWithTheOrder_failedWhenRefused_canceledWithTheOrder() {
        assertThat(PaymentQueryController.walletStatus(order("pending", false, 0, 0))).isEqualTo("pending");
        assertThat(PaymentQueryController.walletStatus(order("cancelled", true, 0, 0))).isEqualTo("failed");
        assertThat(PaymentQueryController.walletStatus(order("cancelled", false, 0, 0))).isEqualTo("canceled");
    }
}
