package dev.stoa.command.payment;

import static dev.stoa.command.payment.DomainErrors.domainError;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.payment.*;
import dev.stoa.api.platform.ErrorKind;
import dev.stoa.api.platform.PersonalData;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Payment aggregate: its states, each gateway event applied once, and refunds that never exceed the capture. */
class PaymentTest {
    private final OrderId order = OrderId.random();
    private final PaymentId payment = PaymentId.ofOrder(order);
    private final UserId buyer = UserId.random();
    private final Set<String> recorded = new HashSet<>();
    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
        fixture.registerInjectableResource(new GatewayEvents() {
            @Override
            public void record(String gatewayEventId, PaymentId paymentId) { recorded.add(gatewayEventId); }

            @Override
            public boolean seen(String gatewayEventId) { return recorded.contains(gatewayEventId); }
        });
        fixture.registerInjectableResource(new PrefixSealing());
    }

    /** Seals by prefixing with the owner: enough to see that the aggregate sealed the reason with the buyer's key. */
    private static final class PrefixSealing implements PersonalData {
        public String seal(String userId, String value) { return value == null ? null : "sealed-for-" + userId + ":" + value; }
        public String open(String userId, String sealed) { return sealed; }
        public void erase(String userId) {}
        public boolean isErased(String userId) { return userId.startsWith("0000"); }
    }

    private String sealed(String reason) { return "sealed-for-" + buyer.value() + ":" + reason; }

    private PaymentStarted started() { return new PaymentStarted(payment, order, buyer, 5_000, "USD", "stripe", "pi_1"); }

    private PaymentCaptured captured() { return new PaymentCaptured(payment, order, buyer, 5_000, "USD", "pi_1", "evt_ok"); }

    private PaymentRefundRequested requested(String refundId, long cents) {
        return new PaymentRefundRequested(payment, order, refundId, cents, "USD", sealed("damaged"), "admin-1");
    }

    private PaymentRefunded refunded(String refundId, long cents, long total) {
        return new PaymentRefunded(payment, order, buyer, refundId, "re_" + refundId, cents, "USD", total, 5_000,
                total == 5_000 ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED, sealed("damaged"));
    }

    @Test
    void givenNothing_whenStart_thenPending() {
        fixture.givenNoPriorActivity()
                .when(new StartPayment(payment, order, buyer, 5_000, "USD", "stripe", "pi_1"))
                .expectEvents(started());
    }

    @Test
    void givenStarted_whenStartedAgainForTheSameIntent_thenNothingChanges() {
        fixture.given(started())
                .when(new StartPayment(payment, order, buyer, 5_000, "USD", "stripe", "pi_1"))
                .expectNoEvents();
    }

    @Test
    void givenNothing_whenStartWithoutAmount_thenValidationFailed() {
        fixture.givenNoPriorActivity()
                .when(new StartPayment(payment, order, buyer, 0, "USD", "stripe", "pi_1"))
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
    }

    @Test
    void givenPending_whenSucceeded_thenCapturedAndTheGatewayEventRecorded() {
        fixture.given(started())
                .when(new CapturePayment(payment, "evt_ok", "pi_1", 5_000, "usd"))
                .expectEvents(captured());
        org.assertj.core.api.Assertions.assertThat(recorded).containsExactly("evt_ok");
    }

    @Test
    void givenPending_whenAnotherIntentSucceedsInItsName_thenNothingIsCaptured() {
        fixture.given(started())
                .when(new CapturePayment(payment, "evt_foreign", "pi_someone_elses", 5_000, "USD"))
                .expectNoEvents();
    }

    @Test
    void givenCaptured_whenTheSameEventAgain_thenNothingChanges() {
        fixture.given(started(), captured())
                .when(new CapturePayment(payment, "evt_ok", "pi_1", 5_000, "USD"))
                .expectNoEvents();
    }

    @Test
    void givenCaptured_whenAnotherSucceededEvent_thenNothingChanges() {
        fixture.given(started(), captured())
                .when(new CapturePayment(payment, "evt_other", "pi_1", 5_000, "USD"))
                .expectNoEvents();
    }

    @Test
    void givenPending_whenDeclined_thenFailedWithTheDeclineCode() {
        fixture.given(started())
                .when(new FailPayment(payment, "evt_no", "insufficient_funds", "Your card has insufficient funds."))
                .expectEvents(new PaymentFailed(payment, order, buyer, 5_000, "USD", "insufficient_funds",
                        "Your card has insufficient funds.", "evt_no"));
    }

    @Test
    void givenCaptured_whenALateFailureArrives_thenNothingChanges() {
        fixture.given(started(), captured())
                .when(new FailPayment(payment, "evt_late", "card_declined", "declined"))
                .expectNoEvents();
    }

    @Test
    void givenFailed_whenSucceededAfterwards_thenCaptured_theMoneyIsNeverIgnored() {
        fixture.given(started(), new PaymentFailed(payment, order, buyer, 5_000, "USD", "card_declined", "declined", "evt_no"))
                .when(new CapturePayment(payment, "evt_ok", "pi_1", 5_000, "USD"))
                .expectEvents(captured());
    }

    @Test
    void givenPending_whenCanceled_thenCanceled_andCapturedPaymentsAreNotCanceled() {
        fixture.given(started())
                .when(new CancelPayment(payment, "evt_cancel", "abandoned"))
                .expectEvents(new PaymentCanceled(payment, order, buyer, "abandoned", "evt_cancel"));
        fixture.given(started(), captured())
                .when(new CancelPayment(payment, "evt_cancel", "abandoned"))
                .expectNoEvents();
    }

    @Test
    void givenPending_whenRefund_thenInvalidTransition() {
        fixture.given(started())
                .when(new RequestRefund(payment, "r1", 1_000L, "why", "admin-1"))
                .expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
    }

    @Test
    void givenCaptured_whenPartialRefund_thenSetAside() {
        fixture.given(started(), captured())
                .when(new RequestRefund(payment, "r1", 2_000L, "damaged", "admin-1"))
                .expectEvents(requested("r1", 2_000))
                .expectResultMessagePayload(2_000L);
    }

    @Test
    void givenARefundUnderWay_whenMoreThanTheRestIsAsked_thenRefundExceedsCaptured() {
        fixture.given(started(), captured(), requested("r1", 2_000))
                .when(new RequestRefund(payment, "r2", 3_001L, "damaged", "admin-1"))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_exceeds_captured"));
    }

    @Test
    void givenRefundsSucceeded_whenTheRestIsRefunded_thenRefundedInFull() {
        fixture.given(started(), captured(), requested("r1", 2_000), refunded("r1", 2_000, 2_000), requested("r2", 3_000))
                .when(new RecordRefund(payment, "r2", "re_r2", 3_000, "succeeded", null, null))
                .expectEvents(refunded("r2", 3_000, 5_000));
    }

    @Test
    void givenRefundedInFull_whenAnyMore_thenRefundExceedsCaptured() {
        fixture.given(started(), captured(), requested("r1", 5_000), refunded("r1", 5_000, 5_000))
                .when(new RequestRefund(payment, "r2", 1L, "damaged", "admin-1"))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_exceeds_captured"));
    }

    @Test
    void givenPartlyRefunded_whenTheRemainderIsAsked_thenExactlyTheRest_andNothingWhenNothingIsLeft() {
        fixture.given(started(), captured(), requested("r1", 1_250), refunded("r1", 1_250, 1_250))
                .when(new RequestRefund(payment, "cancelled", null, "the order was cancelled", "system"))
                .expectEvents(new PaymentRefundRequested(payment, order, "cancelled", 3_750, "USD", sealed("the order was cancelled"), "system"))
                .expectResultMessagePayload(3_750L);
        fixture.given(started(), captured(), requested("r1", 5_000), refunded("r1", 5_000, 5_000))
                .when(new RequestRefund(payment, "cancelled", null, "the order was cancelled", "system"))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void givenARefundRequested_whenTheSameRefundIdAgain_thenNothingChanges() {
        fixture.given(started(), captured(), requested("r1", 2_000))
                .when(new RequestRefund(payment, "r1", 2_000L, "damaged", "admin-1"))
                .expectNoEvents()
                .expectResultMessagePayload(2_000L);
    }

    @Test
    void givenARefundRequested_whenTheGatewayFailsIt_thenItsAmountIsFreeAgain() {
        fixture.given(started(), captured(), requested("r1", 5_000))
                .when(new RecordRefund(payment, "r1", "re_r1", 5_000, "failed", "evt_rf", null))
                .expectEvents(new PaymentRefundFailed(payment, order, "r1", 5_000, "the gateway reports it failed"));
        fixture.given(started(), captured(), requested("r1", 5_000),
                        new PaymentRefundFailed(payment, order, "r1", 5_000, "the gateway reports it failed"))
                .when(new RequestRefund(payment, "r2", 5_000L, "again", "admin-1"))
                .expectEvents(new PaymentRefundRequested(payment, order, "r2", 5_000, "USD", sealed("again"), "admin-1"));
    }

    @Test
    void givenARefundSucceeded_whenItsWebhookComesAgain_thenNothingChanges() {
        fixture.given(started(), captured(), requested("r1", 2_000), refunded("r1", 2_000, 2_000))
                .when(new RecordRefund(payment, "r1", "re_r1", 2_000, "succeeded", "evt_again", null))
                .expectNoEvents();
    }

    @Test
    void givenARefundPending_whenTheGatewaySaysPending_thenNothingYet() {
        fixture.given(started(), captured(), requested("r1", 2_000))
                .when(new RecordRefund(payment, "r1", "re_r1", 2_000, "pending", null, null))
                .expectNoEvents();
    }

    @Test
    void givenCaptured_whenARefundMadeAtTheGatewayItselfSucceeds_thenItIsCounted() {
        fixture.given(started(), captured())
                .when(new RecordRefund(payment, "stripe-re_x", "re_x", 500, "succeeded", "evt_x", null))
                .expectEvents(new PaymentRefunded(payment, order, buyer, "stripe-re_x", "re_x", 500, "USD", 500, 5_000,
                        PaymentStatus.PARTIALLY_REFUNDED, "refunded at the card processor"));
    }

    @Test
    void aSuccessInAnotherCurrency_isRecordedAsStripeTookIt_notRefusedForever() {
        fixture.given(started())
                .when(new CapturePayment(payment, "evt_eur", "pi_1", 5_000, "EUR"))
                .expectEvents(new PaymentCaptured(payment, order, buyer, 5_000, "EUR", "pi_1", "evt_eur"));
    }

    @Test
    void newsOfAnotherIntentNamingThisPayment_changesNothing_asASuccessOfItDoesNot() {
        fixture.given(started())
                .when(new FailPayment(payment, "evt_f", "generic_decline", "Your card was declined.", "pi_someone_elses"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(started())
                .when(new CancelPayment(payment, "evt_c", "abandoned", "pi_someone_elses"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(started(), captured())
                .when(new RecordRefund(payment, "stripe-re_y", "re_y", 1_000, "succeeded", "evt_r", null, "pi_someone_elses"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        // its own intent's news still counts
        fixture.given(started())
                .when(new FailPayment(payment, "evt_f", "generic_decline", "Your card was declined.", "pi_1"))
                .expectEvents(new PaymentFailed(payment, order, buyer, 5_000, "USD", "generic_decline", "Your card was declined.",
                        "evt_f"));
    }

    @Test
    void aRefundMadeAtTheGatewayThatFailed_isRemembered_soItsStaleSuccessDeliveredLaterIsNotCounted() {
        fixture.given(started(), captured())
                .when(new RecordRefund(payment, "stripe-re_x", "re_x", 3_000, "failed", "evt_2", "expired_or_canceled_card"))
                .expectEvents(new PaymentRefundFailed(payment, order, "stripe-re_x", 3_000,
                        "the gateway reports it failed: expired_or_canceled_card"));
        fixture.given(started(), captured(), new PaymentRefundFailed(payment, order, "stripe-re_x", 3_000,
                        "the gateway reports it failed: expired_or_canceled_card"))
                .when(new RecordRefund(payment, "stripe-re_x", "re_x", 3_000, "succeeded", "evt_1", null))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void givenARefundRequested_whenTheGatewaySaysFailedWithAReason_thenTheFailureSaysWhy_andAStaleSuccessChangesNothing() {
        fixture.given(started(), captured(), requested("r1", 2_000))
                .when(new RecordRefund(payment, "r1", "re_r1", 2_000, "failed", "evt_f", "expired_or_canceled_card"))
                .expectEvents(new PaymentRefundFailed(payment, order, "r1", 2_000,
                        "the gateway reports it failed: expired_or_canceled_card"));
        fixture.given(started(), captured(), requested("r1", 2_000),
                        new PaymentRefundFailed(payment, order, "r1", 2_000, "the gateway reports it failed"))
                .when(new RecordRefund(payment, "r1", "re_r1", 2_000, "succeeded", "evt_late", null))
                .expectNoEvents();
    }

    @Test
    void givenARefundSucceeded_whenTheGatewaySaysItFailedAfterAll_thenItIsReversed_theTotalAndStatusGoBack_andItsAmountIsFree() {
        fixture.given(started(), captured(), requested("r1", 2_000), refunded("r1", 2_000, 2_000))
                .when(new RecordRefund(payment, "r1", "re_r1", 2_000, "failed", "evt_late_fail", "expired_or_canceled_card"))
                .expectEvents(new PaymentRefundReversed(payment, order, buyer, "r1", 2_000, "USD", 0, 5_000,
                        PaymentStatus.CAPTURED, "the gateway reports it failed: expired_or_canceled_card"));
        PaymentRefundReversed reversed = new PaymentRefundReversed(payment, order, buyer, "r1", 2_000, "USD", 0, 5_000,
                PaymentStatus.CAPTURED, "the gateway reports it failed");
        fixture.given(started(), captured(), requested("r1", 2_000), refunded("r1", 2_000, 2_000), reversed)
                .when(new RecordRefund(payment, "r1", "re_r1", 2_000, "failed", "evt_again", null))
                .expectNoEvents();
        fixture.given(started(), captured(), requested("r1", 2_000), refunded("r1", 2_000, 2_000), reversed)
                .when(new RecordRefund(payment, "r1", "re_r1", 2_000, "succeeded", "evt_stale", null))
                .expectNoEvents();
        fixture.given(started(), captured(), requested("r1", 2_000), refunded("r1", 2_000, 2_000), reversed)
                .when(new RequestRefund(payment, "r1-attempt-2", 5_000L, "again", "admin-1"))
                .expectEvents(new PaymentRefundRequested(payment, order, "r1-attempt-2", 5_000, "USD", sealed("again"), "admin-1"));
    }

    @Test
    void givenTwoRefundsSucceeded_whenOneFailsAfterAll_thenThePaymentIsPartlyRefunded() {
        fixture.given(started(), captured(), requested("r1", 2_000), refunded("r1", 2_000, 2_000), requested("r2", 3_000),
                        refunded("r2", 3_000, 5_000))
                .when(new RecordRefund(payment, "r2", "re_r2", 3_000, "canceled", null, null))
                .expectEvents(new PaymentRefundReversed(payment, order, buyer, "r2", 3_000, "USD", 2_000, 5_000,
                        PaymentStatus.PARTIALLY_REFUNDED, "the gateway reports it canceled"));
    }

    @Test
    void givenAFailedAttempt_whenANewAttemptIsAskedForTheSameAmount_thenItIsSetAsideAgain_andSucceedsOnce() {
        PaymentRefundFailed failed = new PaymentRefundFailed(payment, order, "r1", 5_000, "the gateway reports it failed");
        fixture.given(started(), captured(), requested("r1", 5_000), failed, requested("r1-attempt-2", 5_000))
                .when(new RecordRefund(payment, "r1-attempt-2", "re_r1-attempt-2", 5_000, "succeeded", "evt_2", null))
                .expectEvents(refunded("r1-attempt-2", 5_000, 5_000));
        fixture.given(started(), captured(), requested("r1", 5_000), failed, requested("r1-attempt-2", 5_000))
                .when(new RequestRefund(payment, "r1-attempt-3", 5_000L, "again", "admin-1"))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_exceeds_captured"));
    }

    @Test
    void givenCaptured_whenAnAdminRefunds_thenTheReasonIsSealedWithTheBuyersKey() {
        fixture.given(started(), captured())
                .when(new RequestRefund(payment, "r1", 1_000L, "Zebulon dropped it", "admin-1"))
                .expectEvents(new PaymentRefundRequested(payment, order, "r1", 1_000, "USD", sealed("Zebulon dropped it"), "admin-1"));
    }

    @Test
    void givenTheBuyerErased_whenRefunded_thenTheReasonIsErasedAlready() {
        UserId gone = new UserId("00000000-0000-4000-8000-000000000001");
        fixture.given(new PaymentStarted(payment, order, gone, 5_000, "USD", "stripe", "pi_1"),
                        new PaymentCaptured(payment, order, gone, 5_000, "USD", "pi_1", "evt_ok"))
                .when(new RequestRefund(payment, "r1", 1_000L, "words about nobody", "admin-1"))
                .expectEvents(new PaymentRefundRequested(payment, order, "r1", 1_000, "USD", PersonalData.ERASED, "admin-1"));
    }

    @Test
    void givenPending_whenStoaCancelsTheIntent_thenCanceled_andALateSuccessIsStillCaptured() {
        fixture.given(started())
                .when(new CancelPayment(payment, "stoa-cancel-" + payment.value(), "order_expired"))
                .expectEvents(new PaymentCanceled(payment, order, buyer, "order_expired", "stoa-cancel-" + payment.value()));
        fixture.given(started(), new PaymentCanceled(payment, order, buyer, "order_expired", "stoa-cancel-" + payment.value()))
                .when(new CapturePayment(payment, "evt_ok", "pi_1", 5_000, "usd"))
                .expectEvents(captured());
    }
}
