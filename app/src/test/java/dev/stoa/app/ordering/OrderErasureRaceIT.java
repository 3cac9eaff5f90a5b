package dev.stoa.app.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.identity.UserErased;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderAmounts;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.OrderPlaced;
import dev.stoa.api.ordering.ShippingAddress;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.app.support.ApiTest;
import dev.stoa.projection.ordering.OrderEntity;
import dev.stoa.projection.ordering.OrderProjection;
import dev.stoa.projection.ordering.OrderViewRepository;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order read model's two segments against a buyer's erasure, on the real database: an order placed just before
 * the erasure, whose row one segment has inserted but not yet committed while the other segment scrubs the buyer's
 * orders, still ends erased. The handlers run here in two transactions of our own, in exactly that order.
 */
class OrderErasureRaceIT extends ApiTest {
    @Autowired OrderProjection projection;
    @Autowired OrderViewRepository orders;
    @Autowired PersonalData personal;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void anOrderStoredBesideItsBuyersErasureEndsErased() throws Exception {
        String buyer = UserId.random().value();
        OrderId orderId = OrderId.random();
        OrderPlaced placed = new OrderPlaced(orderId, "ORD-20261204-RACE", new UserId(buyer),
                List.of(new OrderLine("product", OrderId.random().value(), UserId.random(), "Lamp", "LAMP-1", 2_000, 1, 2_000, true)),
                new OrderAmounts(2_000, 0, 0, 499, 2_499, "USD"), null,
                new ShippingAddress(personal.seal(buyer, "Ada Lovelace"), personal.seal(buyer, "12 St James's Square"), null,
                        personal.seal(buyer, "London"), null, personal.seal(buyer, "SW1Y 4JH"), "GB"),
                "wallet", personal.seal(buyer, "Leave it by the door"), Instant.now().plusSeconds(1_800));
        TransactionTemplate tx = new TransactionTemplate(transactions);
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection); // as the processor calls them
        CountDownLatch stored = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);

        // one segment: the order placed (its fields opened while the key still exists), not yet committed
        ExecutorService segments = Executors.newFixedThreadPool(2); // each its own thread, as the processor's
        Future<?> placing = segments.submit(() -> tx.executeWithoutResult(status -> {
            handle(handlers, placed);
            stored.countDown();
            await(commit);
        }));
        assertThat(stored.await(10, TimeUnit.SECONDS)).isTrue();
        // the buyer erased (the key goes with the command), and the other segment scrubs the buyer's orders meanwhile
        personal.erase(buyer);
        Future<?> erasing = segments.submit(() -> tx.executeWithoutResult(status ->
                handle(handlers, new UserErased(new UserId(buyer)))));
        Thread.sleep(300); // time for the scrub to run (or to wait, as it must)
        commit.countDown();
        placing.get(10, TimeUnit.SECONDS);
        erasing.get(10, TimeUnit.SECONDS);
        segments.shutdown();

        OrderEntity row = orders.findById(orderId.value()).orElseThrow();
        assertThat(row.getNotes()).isEqualTo(PersonalData.ERASED);
        assertThat(row.getRecipientName()).isEqualTo(PersonalData.ERASED);
    }

    private static void handle(AnnotationEventHandlerAdapter handlers, Object event) {
        try {
            handlers.handle(GenericEventMessage.asEventMessage(event));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("never told to commit");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
