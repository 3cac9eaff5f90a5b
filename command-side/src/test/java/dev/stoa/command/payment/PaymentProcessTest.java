package dev.stoa.command.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.*;
import dev.stoa.api.payment.*;
import dev.stoa.api.platform.DomainException;
import dev.stoa.command.platform.DomainExceptionTranslator;
import dev.stoa.command.platform.web.Commands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The payment saga ({@link PaymentProcess}) on an in-memory command bus and event store: which commands each payment
 * and order event leads to, what it does when the order refuses, and how the gateway's answers are recorded.
 */
class PaymentProcessTest {
    private final OrderId order = OrderId.random();
    private final PaymentId payment = PaymentId.ofOrder(order);
    private final UserId buyer = UserId.random();
    private final List<Object> sent = new ArrayList<>();
    private final List<String> gatewayRefunds = new ArrayList<>();
    private final List<String> cancelled = new ArrayList<>();
    private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private Function<Object, Object> orders = c -> null;
    private RuntimeException gatewayFailure;
    private PaymentProcess process;

    @BeforeEach
    void setUp() {
        bus.registerHandlerInterceptor(new DomainExceptionTranslator());
        for (Class<?> type : List.of(ConfirmOrder.class, CancelOrder.class, RequestRefund.class, RecordRefund.class,
                CancelPayment.class, dev.stoa.api.cart.UndoCartCheckout.class))
            bus.subscribe(type.getName(), m -> {
                sent.add(m.getPayload());
                return orders.apply(m.getPayload());
            });
        Commands commands = new Commands(DefaultCommandGateway.builder().commandBus(bus).build(), Duration.ofSeconds(5));
        PaymentGateway gateway = new SandboxGateway() {
            @Override
            public Refund refund(String intentId, PaymentId paymentId, String refundId, long amountCents) {
                if (gatewayFailure != null) throw gatewayFailure;
                gatewayRefunds.add(intentId + ":" + refundId + ":" + amountCents);
                return new Refund("re_1", "succeeded", null);
            }

            @Override
            public String cancelIntent(String intentId, PaymentId paymentId, String idempotencyKey) {
                if (gatewayFailure != null) throw gatewayFailure;
                cancelled.add(intentId + ":" + paymentId.value());
                return "canceled";
            }
        };
        process = new PaymentProcess(commands, gateway, events, sellers -> false);
    }

    private void stored(String aggregate, Object... payloads) {
        for (int i = 0; i < payloads.length; i++)
            events.publish(new GenericDomainEventMessage<>("Test", aggregate, i, payloads[i]));
    }

    private OrderPlaced placed() {
        return new OrderPlaced(order, "ORD-20261202-ABCD", buyer, List.of(), new OrderAmounts(5_000, 0, 0, 0, 5_000, "USD"),
                null, null, PlaceOrder.CARD, null, Instant.now().plusSeconds(1800));
    }

    private PaymentCaptured captured() { return new PaymentCaptured(payment, order, buyer, 5_000, "USD", "pi_1", "evt_ok"); }

    @Test
    void givenCaptured_thenTheOrderIsConfirmedWithThePaymentAsReference() {
        process.on(captured());
        assertThat(sent).containsExactly(new ConfirmOrder(order, payment.value()));
    }

    /**
     * A seller of the order closed their account while it waited for its payment: the order is cancelled and the
     * capture refunded, not confirmed (it was, before 2026-12-06, seventh session: paid for nothing anyone would ship).
     */
    @Test
    void givenCapturedForAnOrderWhoseSellerClosed_thenItIsCancelledAndRefunded_notConfirmed() {
        dev.stoa.api.identity.UserId vendor = dev.stoa.api.identity.UserId.random();
        stored(payment.value(), new PaymentStarted(payment, order, buyer, 5_000, "USD", "stripe", "pi_1"));
        stored(order.value(), new OrderPlaced(order, "ORD-20261202-ABCD", buyer, List.of(new dev.stoa.api.ordering.OrderLine(
                "product", java.util.UUID.randomUUID().toString(), vendor, "Lamp", "SKU-1", 5_000, 1, 5_000, true)),
                new OrderAmounts(5_000, 0, 0, 0, 5_000, "USD"), null, null, PlaceOrder.CARD, null, Instant.now().plusSeconds(1800)));
        PaymentProcess closed = new PaymentProcess(new Commands(DefaultCommandGateway.builder().commandBus(bus).build(),
                Duration.ofSeconds(5)), new SandboxGateway(), events, sellers -> sellers.contains(vendor.value()));
        closed.on(captured());
        assertThat(sent).containsExactly(
                new CancelOrder(order, CancelOrder.SELLER_CLOSED, dev.stoa.api.platform.Actor.system()),
                new RequestRefund(payment, "unconfirmed-" + payment.value(), null,
                        "a seller of the order closed their account before the payment arrived", "system"));
    }

    @Test
    void givenCapturedForAnotherAmountThanTheOrders_thenItIsRefunded_andThePendingOrderCancelled_notConfirmed() {
        stored(payment.value(), new PaymentStarted(payment, order, buyer, 5_000, "USD", "stripe", "pi_1"));
        stored(order.value(), placed());
        process.on(new PaymentCaptured(payment, order, buyer, 4_000, "USD", "pi_1", "evt_short"));
        assertThat(sent).containsExactly(
                new RequestRefund(payment, "unconfirmed-" + payment.value(), null, "the amount captured was not the order's", "system"),
                new CancelOrder(order, CancelOrder.PAYMENT_FAILED, dev.stoa.api.platform.Actor.system()));
    }

    @Test
    void givenCapturedInAnotherCurrencyThanTheOrders_thenItIsRefunded_andThePendingOrderCancelled_notConfirmed() {
        stored(payment.value(), new PaymentStarted(payment, order, buyer, 5_000, "USD", "stripe", "pi_1"));
        stored(order.value(), placed());
        process.on(new PaymentCaptured(payment, order, buyer, 5_000, "EUR", "pi_1", "evt_eur"));
        assertThat(sent).containsExactly(
                new RequestRefund(payment, "unconfirmed-" + payment.value(), null, "the amount captured was not the order's", "system"),
                new CancelOrder(order, CancelOrder.PAYMENT_FAILED, dev.stoa.api.platform.Actor.system()));
    }

    @Test
    void givenCapturedForAnOrderThatWasCancelled_thenTheWholePaymentIsRefunded() {
        orders = c -> {
            if (c instanceof ConfirmOrder) throw DomainException.invalidTransition("order is cancelled");
            return 5_000L;
        };
        process.on(captured());
        assertThat(sent).hasSize(2).last().isEqualTo(new RequestRefund(payment, "unconfirmed-" + payment.value(), null,
                "the order was no longer open when the payment arrived", "system"));
    }

    /** A declined card's pending order is cancelled, and goes back into the buyer's cart (it stayed empty before 2026-12-07). */
    @Test
    void givenFailed_thenAPendingOrderIsCancelled_butNotOneThatIsNoLongerPending() {
        stored(order.value(), placed());
        process.on(new PaymentFailed(payment, order, buyer, 5_000, "USD", "card_declined", "declined", "evt_no"));
        assertThat(sent).containsExactly(new CancelOrder(order, CancelOrder.PAYMENT_FAILED, dev.stoa.api.platform.Actor.system()),
                new dev.stoa.api.cart.UndoCartCheckout(buyer, order));

        sent.clear();
        events.publish(new GenericDomainEventMessage<>("Test", order.value(), 1,
                new OrderConfirmed(order, "ORD-20261202-ABCD", buyer, PlaceOrder.CARD, payment.value(), 5_000, "USD")));
        process.on(new PaymentCanceled(payment, order, buyer, "abandoned", "evt_c"));
        assertThat(sent).isEmpty();
    }

    /**
     * The gateway refuses to cancel a declined intent for another reason than a success (its intent reads
     * requires_payment_method): the order is cancelled all the same, not left pending until its hold runs out.
     */
    @Test
    void givenDeclined_whoseIntentTheGatewayWillNotCancel_butNoCardPaid_thenTheOrderIsCancelled() {
        PaymentFailed declined = new PaymentFailed(payment, order, buyer, 5_000, "USD", "card_declined", "declined", "evt_no");
        stored(payment.value(), new PaymentStarted(payment, order, buyer, 5_000, "USD", "stripe", "pi_1"), declined);
        stored(order.value(), placed());
        gatewayFailure = new PaymentGateway.Refused("payment_intent_unexpected_state", null);
        process.on(declined);
        assertThat(sent).containsExactly(new CancelOrder(order, CancelOrder.PAYMENT_FAILED, dev.stoa.api.platform.Actor.system()),
                new dev.stoa.api.cart.UndoCartCheckout(buyer, order));
    }

    @Test
    void givenDeclinedThenCapturedByAnotherCard_beforeTheDeclineIsHandled_thenTheOrderIsLeftToTheCapture_andConfirmed() {
        PaymentFailed declined = new PaymentFailed(payment, order, buyer, 5_000, "USD", "card_declined", "declined", "evt_no");
        stored(payment.value(), new PaymentStarted(payment, order, buyer, 5_000, "USD", "stripe", "pi_1"), declined,
                captured());
        stored(order.value(), placed());
        process.on(declined);
        assertThat(sent).as("no cancellation of an order its payment paid").isEmpty();
        process.on(captured());
        assertThat(sent).containsExactly(new ConfirmOrder(order, payment.value()));
    }

    @Test
    void givenAPaidCardOrderCancelled_thenWhatIsLeftOfItsPaymentIsRefunded_walletOrdersAndUnpaidOnesAreNot() {
        OrderCancelled paid = new OrderCancelled(order, "ORD-20261202-ABCD", buyer, "confirmed", "sealed", "u", List.of(), null,
                PlaceOrder.CARD, payment.value(), 5_000, "USD");
        process.on(paid);
        assertThat(sent).containsExactly(new RequestRefund(payment, "cancelled-" + order.value(), null, "the order was cancelled", "system"));
        sent.clear();
        process.on(new OrderCancelled(order, "ORD-20261202-ABCD", buyer, "pending", "expired", "system", List.of(), null,
                PlaceOrder.CARD, null, 0, "USD"));
        process.on(new OrderCancelled(order, "ORD-20261202-ABCD", buyer, "confirmed", "sealed", "u", List.of(), null,
                PlaceOrder.WALLET, "wallet-" + order.value(), 5_000, "USD"));
        assertThat(sent).isEmpty();
    }

    @Test
    void givenARefundRequested_thenTheGatewayRefundsUnderItsIdAndTheOutcomeIsRecorded() {
        stored(payment.value(), new PaymentStarted(payment, order, buyer, 5_000, "USD", "stripe", "pi_1"), captured());
        process.on(new PaymentRefundRequested(payment, order, "r1", 1_000, "USD", "scratched", "admin"));
        assertThat(gatewayRefunds).containsExactly("pi_1:r1:1000");
        assertThat(sent).containsExactly(new RecordRefund(payment, "r1", "re_1", 1_000, "succeeded", null, null));
    }

    @Test
    void givenARefundWhoseOutcomeIsRecorded_whenItsRequestComesAgain_thenTheGatewayIsNotAskedAgain() {
        stored(payment.value(), new PaymentStarted(payment, order, buyer, 5_000, "USD", "stripe", "pi_1"), captured(),
                new PaymentRefundRequested(payment, order, "r1", 1_000, "USD", "scratched", "admin"),
                new PaymentRefunded(payment, order, buyer, "r1", "re_1", 1_000, "USD", 1_000, 5_000,
                        dev.stoa.api.payment.PaymentStatus.PARTIALLY_REFUNDED, "scratched"),
                new PaymentRefundRequested(payment, order, "r2", 1_000, "USD", "scratched", "admin"),
                new PaymentRefundFailed(payment, order, "r2", 1_000, "the gateway reports it failed"));
        process.on(new PaymentRefundRequested(payment, order, "r1", 1_000, "USD", "scratched", "admin"));
        process.on(new PaymentRefundRequested(payment, order, "r2", 1_000, "USD", "scratched", "admin"));
        assertThat(gatewayRefunds).isEmpty();
        assertThat(sent).isEmpty();
        process.on(new PaymentRefundRequested(payment, order, "r3", 1_000, "USD", "scratched", "admin"));
        assertThat(gatewayRefunds).as("an undecided one is asked for").containsExactly("pi_1:r3:1000");
    }

    @Test
    void givenARefundTheGatewayRefuses_thenItIsRecordedFailed_butAnOutageIsRetried() {
        stored(payment.value(), new PaymentStarted(payment, order, buyer, 5_000, "USD", "stripe", "pi_1"), captured());
        gatewayFailure = new PaymentGateway.Refused("charge already refunded", null);
        process.on(new PaymentRefundRequested(payment, order, "r1", 1_000, "USD", "scratched", "admin"));
        assertThat(sent).containsExactly(new RecordRefund(payment, "r1", null, 1_000, "failed", null,
                "charge already refunded"));

        sent.clear();
        gatewayFailure = new PaymentGateway.Unavailable("timeout", null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                process.on(new PaymentRefundRequested(payment, order, "r2", 1_000, "USD", "scratched", "admin")))
                .isInstanceOf(PaymentGateway.Unavailable.class);
        assertThat(sent).isEmpty();
    }

    @Test
    void givenAnUnpaidCardOrderExpired_thenItsIntentIsCanceledAtTheGateway_andThePaymentRecordsIt() {
        stored(payment.value(), new PaymentStarted(payment, order, buyer, 5_000, "USD", "stripe", "pi_1"));
        OrderCancelled expired = new OrderCancelled(order, "ORD-20261202-ABCD", buyer, "pending", CancelOrder.EXPIRED, "system",
                List.of(), null, PlaceOrder.CARD, null, 0, "USD");
        process.on(expired);
        assertThat(cancelled).containsExactly("pi_1:" + payment.value());
        assertThat(sent).containsExactly(new CancelPayment(payment, "stoa-cancel-" + payment.value(), "order_expired"));

        sent.clear();
        cancelled.clear();
        gatewayFailure = new PaymentGateway.Refused("You cannot cancel this PaymentIntent because it has a status of succeeded", null);
        process.on(expired);
        assertThat(sent).as("an intent that succeeded meanwhile: its success is refunded when it arrives").isEmpty();
    }

    @Test
    void givenAnOrderCancelledForADeclinedCard_thenItsIntentIsCanceledToo_soAnotherCardCannotPayIt() {
        stored(payment.value(), new PaymentStarted(payment, order, buyer, 5_000, "USD", "stripe", "pi_1"),
                new PaymentFailed(payment, order, buyer, 5_000, "USD", "card_declined", "declined", "evt_no"));
        process.on(new OrderCancelled(order, "ORD-20261202-ABCD", buyer, "pending", CancelOrder.PAYMENT_FAILED, "system",
                List.of(), null, PlaceOrder.CARD, null, 0, "USD"));
        assertThat(cancelled).containsExactly("pi_1:" + payment.value());
        assertThat(sent).containsExactly(new CancelPayment(payment, "stoa-cancel-" + payment.value(), "order_cancelled"));
    }

    @Test
    void givenAnUnpaidCardOrderWhosePaymentWasCanceledAlready_thenNothingIsCanceledAgain() {
        stored(payment.value(), new PaymentStarted(payment, order, buyer, 5_000, "USD", "stripe", "pi_1"),
                new PaymentCanceled(payment, order, buyer, "abandoned", "evt_cancel"));
        process.on(new OrderCancelled(order, "ORD-20261202-ABCD", buyer, "pending", CancelOrder.PAYMENT_FAILED, "system",
                List.of(), null, PlaceOrder.CARD, null, 0, "USD"));
        assertThat(cancelled).isEmpty();
        assertThat(sent).isEmpty();
    }
}
