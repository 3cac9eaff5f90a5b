package dev.stoa.command.ordering;

import dev.stoa.api.cart.ReleaseCouponRedemption;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.inventory.CommitStockReservation;
import dev.stoa.api.inventory.HoldCommittedUnits;
import dev.stoa.api.inventory.ReleaseStockReservation;
import dev.stoa.api.inventory.RestockReturn;
import dev.stoa.api.inventory.ReturnCommittedStock;
import dev.stoa.api.ordering.*;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.ErrorDetails;
import dev.stoa.api.platform.ErrorKind;
import dev.stoa.api.wallet.RefundRestToWallet;
import dev.stoa.api.wallet.WalletDebited;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order saga: what it sends for each step of an order's life, including the expiry of its payment hold. */
class OrderFulfilmentTest {
    private final OrderId order = OrderId.random();
    private final UserId buyer = UserId.random();
    private final UserId vendor = UserId.random();
    private final ProductId mug = ProductId.random();
    private final ProductId lamp = ProductId.random();
    private final List<OrderLine> lines = List.of(
            new OrderLine(OrderLine.PRODUCT, mug.value(), vendor, "Mug", "MUG-1", 1_250, 2, 2_500, true),
            new OrderLine(OrderLine.PRODUCT, lamp.value(), vendor, "Lamp", "LAMP-1", 4_000, 1, 4_000, true),
            new OrderLine(OrderLine.COURSE, "7b0c3c57-3a39-4f7e-9a55-1d8e7f1f0b11", vendor, "Course", null, 1_000, 1, 1_000, false));
    private final OrderAmounts amounts = new OrderAmounts(7_500, 750, 0, 499, 7_249, "USD");
    private SagaTestFixture<OrderFulfilment> fixture;

    @BeforeEach
    void setUp() { fixture = new SagaTestFixture<>(OrderFulfilment.class); }

    private OrderPlaced placed(String method) {
        return new OrderPlaced(order, "ORD-20261202-AB7K", buyer, lines, amounts, "SPRING10", null, method, null,
                Instant.parse("2026-12-02T12:30:00Z"));
    }

    private OrderCancelled cancelled(String previousStatus, String reason, long paid) {
        return new OrderCancelled(order, "ORD-20261202-AB7K", buyer, previousStatus, reason, "system", lines, "SPRING10",
                PlaceOrder.WALLET, paid > 0 ? "wallet-" + order.value() : null, paid, "USD");
    }

    @Test
    void placingStartsTheSagaAndSendsNothing() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(placed(PlaceOrder.WALLET))
                .expectActiveSagas(1)
                .expectAssociationWith("orderId", order.value())
                .expectNoDispatchedCommands();
    }

    /**
     * Paid, the physical units stay reserved (and on hand) until their line ships: a count of the warehouse still
     * finds them there. Before, they were committed at payment, left onHand, and a count put them back on sale.
     */
    @Test
    void aConfirmedOrderKeepsItsPhysicalUnitsReserved_eachLineCommitsWhenItShips() {
        fixture.givenAPublished(placed(PlaceOrder.WALLET))
                .whenPublishingA(confirmed())
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
        fixture.givenAPublished(placed(PlaceOrder.WALLET)).andThenAPublished(confirmed())
                .whenPublishingA(new OrderLinesShipped(order, List.of(mug.value()), "TRACK-1", vendor.value()))
                .expectDispatchedCommands(new CommitStockReservation(mug, order))
                .expectActiveSagas(1);
    }

    @Test
    void aProductNobodyShipsIsCommittedWhenTheOrderIsPaid() {
        ProductId ebook = ProductId.random();
        List<OrderLine> withEbook = List.of(lines.get(0),
                new OrderLine(OrderLine.PRODUCT, ebook.value(), vendor, "E-book", "EBOOK-1", 900, 1, 900, false));
        fixture.givenAPublished(new OrderPlaced(order, "ORD-20261202-AB7K", buyer, withEbook, amounts, null, null,
                        PlaceOrder.WALLET, null, Instant.parse("2026-12-02T12:30:00Z")))
                .whenPublishingA(confirmed())
                .expectDispatchedCommands(new CommitStockReservation(ebook, order));
    }

    @Test
    void unitsOfAnOrderPaidBeforeTheyWereHeldUntilShipping_areHeldAgain() {
        fixture.givenAPublished(placed(PlaceOrder.WALLET))
                .whenPublishingA(new UnshippedUnitsHeld(order, List.of(new WithdrawnUnits(mug.value(), 2))))
                .expectDispatchedCommands(new HoldCommittedUnits(mug, order, 2))
                .expectActiveSagas(1);
    }

    private OrderConfirmed confirmed() {
        return new OrderConfirmed(order, "ORD-20261202-AB7K", buyer, PlaceOrder.WALLET, "wallet-" + order.value(), 7_249, "USD");
    }

    @Test
    void theHoldRanOut_expiredOrderReleasesItsReservationsAndCouponAndEnds() {
        fixture.givenAPublished(placed(PlaceOrder.WALLET))
                .whenPublishingA(cancelled("pending", CancelOrder.EXPIRED, 0))
                .expectDispatchedCommands(new ReleaseStockReservation(mug, order), new ReleaseStockReservation(lamp, order),
                        new ReleaseCouponRedemption("SPRING10", order))
                .expectActiveSagas(0);
    }

    @Test
    void aPaidOrderCancelledBeforeShipping_unitsAndCouponComeBackAndTheWalletIsRefunded() {
        fixture.givenAPublished(placed(PlaceOrder.WALLET))
                .whenPublishingA(cancelled("confirmed", "changed my mind", 7_249))
                .expectDispatchedCommands(new ReturnCommittedStock(mug, order, 2), new ReturnCommittedStock(lamp, order, 1),
                        new ReleaseCouponRedemption("SPRING10", order),
                        new RefundRestToWallet(buyer, order, "cancelled-" + order.value(), "USD"))
                .expectActiveSagas(0);
    }

    @Test
    void unitsARefundWithdrewAreGivenBackOnce_andACancellationLaterReturnsOnlyTheRest() {
        String refund = "5b0c6a3e-5f0e-4a59-9d7e-0e4f3c1b2a10";
        OrderLinesWithdrawn withdrawn = new OrderLinesWithdrawn(order, refund,
                List.of(new WithdrawnUnits(mug.value(), 1), new WithdrawnUnits(lamp.value(), 1)), List.of());
        fixture.givenAPublished(placed(PlaceOrder.WALLET))
                .whenPublishingA(withdrawn)
                .expectDispatchedCommands(new RestockReturn(mug, order, "withdrawn-" + refund, 1),
                        new RestockReturn(lamp, order, "withdrawn-" + refund, 1))
                .expectActiveSagas(1);
        // the lamp's only unit is back already, the mug's second is not
        OrderCancelled later = new OrderCancelled(order, "ORD-20261202-AB7K", buyer, "confirmed", "sealed", "admin", lines,
                "SPRING10", PlaceOrder.WALLET, "wallet-" + order.value(), 7_249, "USD", List.of(),
                java.util.Map.of(mug.value(), 1, lamp.value(), 1));
        fixture.givenAPublished(placed(PlaceOrder.WALLET)).andThenAPublished(withdrawn)
                .whenPublishingA(later)
                .expectDispatchedCommands(new ReturnCommittedStock(mug, order, 1),
                        new ReleaseCouponRedemption("SPRING10", order),
                        new RefundRestToWallet(buyer, order, "cancelled-" + order.value(), "USD"));
    }

    @Test
    void aPartlyShippedOrderCancelledByAnAdmin_onlyTheUnitsNotShippedComeBack() {
        OrderCancelled partly = new OrderCancelled(order, "ORD-20261202-AB7K", buyer, "confirmed", "sealed", "admin", lines,
                "SPRING10", PlaceOrder.WALLET, "wallet-" + order.value(), 7_249, "USD", List.of(mug.value()), java.util.Map.of());
        fixture.givenAPublished(placed(PlaceOrder.WALLET))
                .whenPublishingA(partly)
                .expectDispatchedCommands(new ReturnCommittedStock(lamp, order, 1),
                        new ReleaseCouponRedemption("SPRING10", order),
                        new RefundRestToWallet(buyer, order, "cancelled-" + order.value(), "USD"))
                .expectActiveSagas(0);
    }

    @Test
    void aShippedOrderCancelledByAnAdmin_isRefundedAndItsCouponReleased_butItsGoodsHaveLeft() {
        fixture.givenAPublished(placed(PlaceOrder.WALLET))
                .whenPublishingA(cancelled("shipped", "lost in transit", 7_249))
                .expectDispatchedCommands(new ReleaseCouponRedemption("SPRING10", order), new RefundRestToWallet(buyer, order, "cancelled-" + order.value(), "USD"))
                .expectActiveSagas(0);
    }

    @Test
    void aWalletDebitConfirmsTheOrder() {
        fixture.givenAPublished(placed(PlaceOrder.WALLET))
                .whenPublishingA(new WalletDebited(buyer, order, 7_249, "USD", 751))
                .expectDispatchedCommands(new ConfirmOrder(order, "wallet-" + order.value()));
    }

    @Test
    void aDebitForAnOrderCancelledMeanwhileIsRefunded() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ConfirmOrder) throw new CommandExecutionException("cancelled", null,
                    new ErrorDetails(ErrorKind.CONFLICT, ErrorCode.INVALID_TRANSITION.code(), "order is cancelled"));
            return null;
        });
        fixture.givenAPublished(placed(PlaceOrder.WALLET))
                .whenPublishingA(new WalletDebited(buyer, order, 7_249, "USD", 751))
                .expectDispatchedCommands(new ConfirmOrder(order, "wallet-" + order.value()),
                        new RefundRestToWallet(buyer, order, "unconfirmed-" + order.value(), "USD"));
    }

    @Test
    void aStepWithNothingToUndoIsSkipped_theOthersStillRun() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ReleaseStockReservation r && r.productId().equals(mug))
                throw new CommandExecutionException("no inventory", null,
                        new ErrorDetails(ErrorKind.NOT_FOUND, ErrorCode.NOT_FOUND_CODE.code(), "not found"));
            return null;
        });
        fixture.givenAPublished(placed(PlaceOrder.WALLET))
                .whenPublishingA(cancelled("pending", "payment_failed", 0))
                .expectDispatchedCommands(new ReleaseStockReservation(mug, order), new ReleaseStockReservation(lamp, order),
                        new ReleaseCouponRedemption("SPRING10", order))
                .expectActiveSagas(0);
    }

    /**
     * A step refused for good (the same at every retry) is logged and skipped: the saga goes on with its other steps.
     * Failing the event instead held the saga's processor, and every order's fulfilment with it, on this one step
     * (Axon parks no saga event as a dead letter). A step without answer still fails the event, which is retried.
     */
    @Test
    void aStepRefusedForGoodIsSkipped_theOthersStillRun_aStepWithoutAnswerFailsTheEvent() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof CommitStockReservation c && c.productId().equals(mug))
                throw new CommandExecutionException("released", null,
                        new ErrorDetails(ErrorKind.CONFLICT, ErrorCode.INVALID_TRANSITION.code(), "the reservation was released"));
            return null;
        });
        OrderLinesShipped shipped = new OrderLinesShipped(order, List.of(mug.value(), lamp.value()), "TRACK-1", vendor.value());
        fixture.givenAPublished(placed(PlaceOrder.WALLET)).andThenAPublished(confirmed())
                .whenPublishingA(shipped)
                .expectDispatchedCommands(new CommitStockReservation(mug, order), new CommitStockReservation(lamp, order))
                .expectSuccessfulHandlerExecution();

        SagaTestFixture<OrderFulfilment> unanswered = new SagaTestFixture<>(OrderFulfilment.class);
        unanswered.setCallbackBehavior((command, metaData) -> {
            if (command instanceof CommitStockReservation) throw new CommandExecutionException("no answer in time",
                    new java.util.concurrent.TimeoutException("the inventory did not answer"));
            return null;
        });
        var result = unanswered.givenAPublished(placed(PlaceOrder.WALLET)).andThenAPublished(confirmed())
                .whenPublishingA(shipped);
        org.assertj.core.api.Assertions.assertThatThrownBy(result::expectSuccessfulHandlerExecution)
                .as("the event fails, and is retried").isInstanceOf(AssertionError.class);
    }

    @Test
    void deliveryEndsTheSaga() {
        fixture.givenAPublished(placed(PlaceOrder.WALLET))
                .whenPublishingA(new OrderDelivered(order, "ORD-20261202-AB7K", buyer))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }
}
