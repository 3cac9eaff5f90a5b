package dev.stoa.command.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.payment.OrderRefundsId;
import dev.stoa.api.payment.RefundApproved;
import dev.stoa.api.payment.RefundPaid;
import dev.stoa.api.payment.RefundRequestId;
import dev.stoa.api.wallet.WalletDebited;
import dev.stoa.api.wallet.WalletId;
import dev.stoa.api.wallet.WalletRefunded;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * What the cancellation mail says comes back of a wallet order of 65.62: the rest as the wallet tells it, the
 * cancellation's own refund once recorded, and nothing promised while an approved refund request's refund is on its
 * way and the cancellation's is not recorded (before, it promised the whole 65.62 beside that request's 13.23).
 */
class CancellationRefundTest {
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final Map<String, Long> sequences = new HashMap<>();
    private final OrderId order = OrderId.random();
    private final UserId buyer = UserId.random();
    private final RefundRequestId request = RefundRequestId.random();
    private final OrderCancelled cancelled = new OrderCancelled(order, "ORD-20261206-RACE", buyer, "confirmed", "sealed:x",
            "admin", List.of(), null, PlaceOrder.WALLET, "wallet-" + order.value(), 6_562, "USD", List.of(), Map.of());

    private void store(String aggregate, Object payload) {
        long sequence = sequences.merge(aggregate, 0L, (a, b) -> a + 1);
        store.publish(new GenericDomainEventMessage<>("Aggregate", aggregate, sequence, payload));
    }

    private void debited() { store(WalletId.of(buyer), new WalletDebited(buyer, order, 6_562, "USD", 0)); }

    private void approved() {
        store(OrderRefundsId.of(order), new RefundApproved(request, order, "ORD-20261206-RACE", buyer, List.of(), 1_300, 0, 23,
                0, 1_323, "USD", false, PlaceOrder.WALLET, "wallet-" + order.value(), "support"));
    }

    @Test
    void nothingUnderWay_theRestAsTheWalletTellsIt() {
        debited();
        assertThat(CancellationRefund.cents(store, cancelled)).isEqualTo(6_562);
    }

    @Test
    void anApprovedRefundOnItsWay_andTheCancellationsNotRecorded_theRestIsNotKnownYet() {
        debited();
        approved();
        assertThat(CancellationRefund.cents(store, cancelled)).isEqualTo(CancellationRefund.NOT_KNOWN_YET);
    }

    @Test
    void theApprovedRefundPaidFirst_theRestAfterIt() {
        debited();
        approved();
        store(WalletId.of(buyer), new WalletRefunded(buyer, order, "refund-request-" + request.value(), 1_323, "USD", 1_323));
        store(OrderRefundsId.of(order), new RefundPaid(request, order, buyer, 1_323, "USD", PlaceOrder.WALLET));
        assertThat(CancellationRefund.cents(store, cancelled)).isEqualTo(5_239);
    }

    @Test
    void theCancellationsOwnRefundRecorded_isTheAnswer_whateverIsUnderWay() {
        debited();
        approved();
        store(WalletId.of(buyer), new WalletRefunded(buyer, order, "cancelled-" + order.value(), 6_562, "USD", 6_562));
        assertThat(CancellationRefund.cents(store, cancelled)).isEqualTo(6_562);
    }
}
