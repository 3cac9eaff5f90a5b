package dev.stoa.command.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.inventory.*;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorKind;
import dev.stoa.api.platform.Roles;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Inventory aggregate: opening (and seeding from a product's stream), counts, restocks, alerts, reservations. */
class InventoryTest {
    private final ProductId productId = ProductId.random();
    private final UserId vendorId = UserId.random();
    private final Actor vendor = new Actor(vendorId.value(), Set.of(Roles.VENDOR));
    private final Actor otherVendor = new Actor(UserId.random().value(), Set.of(Roles.VENDOR));
    private final Actor customer = new Actor(UserId.random().value(), Set.of(Roles.CUSTOMER));
    private final Actor admin = new Actor(UserId.random().value(), Set.of(Roles.ADMIN));
    private final OrderId order = OrderId.random();
    private final OrderId otherOrder = OrderId.random();
    /** What the products' own streams recorded, by product id (absent: no such product). */
    private final Map<ProductId, OpeningStock.Levels> productStreams = new HashMap<>();

    private FixtureConfiguration<Inventory> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Inventory.class);
        fixture.registerInjectableResource((OpeningStock) id -> Optional.ofNullable(productStreams.get(id)));
    }

    // ---- opening

    @Test
    void givenNewProduct_whenOpen_thenInventoryOpenedAtZero() {
        productStreams.put(productId, OpeningStock.Levels.NONE);
        fixture.givenNoPriorActivity()
                .when(new OpenInventory(productId, vendorId))
                .expectEvents(new InventoryOpened(productId, vendorId, 0, 0, 0, 0, null));
    }

    @Test
    void givenProductWithStockInItsOwnStream_whenOpen_thenInventoryStartsFromThoseLevels() {
        productStreams.put(productId, new OpeningStock.Levels(40, 0, 5, "C-3"));
        fixture.givenNoPriorActivity()
                .when(new OpenInventory(productId, vendorId))
                .expectEvents(new InventoryOpened(productId, vendorId, 40, 0, 40, 5, "C-3"));
    }

    @Test
    void givenInventoryOpen_whenOpenAgain_thenNothingChanges() {
        productStreams.put(productId, new OpeningStock.Levels(99, 0, 0, null));
        fixture.given(opened(7, 2))
                .when(new OpenInventory(productId, vendorId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenNoSuchProduct_whenOpen_thenNotFound() {
        fixture.givenNoPriorActivity()
                .when(new OpenInventory(productId, vendorId))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.NOT_FOUND, "not_found"));
    }

    // ---- counts and restocks (the product's vendor or an admin)

    @Test
    void givenOpen_whenAdjustStock_thenStockAdjustedWithAvailable() {
        fixture.given(opened(0, 0))
                .when(new AdjustStock(productId, 50, 10, "A-1", vendor))
                .expectEvents(new StockAdjusted(productId, 0, 50, 0, 50, 10, "A-1"));
    }

    @Test
    void givenStockAboveThreshold_whenAdjustStockBelowThreshold_thenThresholdEventRaised() {
        fixture.given(opened(0, 0), adjusted(0, 50, 10))
                .when(new AdjustStock(productId, 8, 10, "A-1", vendor))
                .expectEvents(new StockAdjusted(productId, 50, 8, 0, 8, 10, "A-1"),
                        new StockReachedReorderThreshold(productId, 8, 10));
    }

    @Test
    void givenStockAboveThreshold_whenAdjustStockExactlyToThreshold_thenThresholdEventRaised() {
        fixture.given(opened(0, 0), adjusted(0, 50, 10))
                .when(new AdjustStock(productId, 10, 10, "A-1", vendor))
                .expectEvents(new StockAdjusted(productId, 50, 10, 0, 10, 10, "A-1"),
                        new StockReachedReorderThreshold(productId, 10, 10));
    }

    @Test
    void givenStockAboveThreshold_whenAdjustStockToZero_thenThresholdAndDepletedEventsRaised() {
        fixture.given(opened(0, 0), adjusted(0, 50, 10))
                .when(new AdjustStock(productId, 0, 10, "A-1", vendor))
                .expectEvents(new StockAdjusted(productId, 50, 0, 0, 0, 10, "A-1"),
                        new StockReachedReorderThreshold(productId, 0, 10), new StockDepleted(productId));
    }

    @Test
    void givenStockWithoutThreshold_whenAdjustStockToZero_thenOnlyDepletedEventRaised() {
        fixture.given(opened(0, 0), adjusted(0, 5, 0))
                .when(new AdjustStock(productId, 0, 0, "A-1", vendor))
                .expectEvents(new StockAdjusted(productId, 5, 0, 0, 0, 0, "A-1"), new StockDepleted(productId));
    }

    @Test
    void givenStockAboveThreshold_whenThresholdRaisedAboveStock_thenThresholdEventRaised() {
        fixture.given(opened(0, 0), adjusted(0, 50, 10))
                .when(new AdjustStock(productId, 40, 60, "A-1", vendor))
                .expectEvents(new StockAdjusted(productId, 50, 40, 0, 40, 60, "A-1"),
                        new StockReachedReorderThreshold(productId, 40, 60));
    }

    @Test
    void givenStockBelowThreshold_whenAdjustStockStillBelow_thenNoAlert() {
        fixture.given(opened(0, 0), adjusted(0, 50, 10), adjusted(50, 5, 10))
                .when(new AdjustStock(productId, 3, 10, "A-1", vendor))
                .expectEvents(new StockAdjusted(productId, 5, 3, 0, 3, 10, "A-1"));
    }

    @Test
    void givenStockDepleted_whenAdjustStockToZeroAgain_thenNoAlert() {
        fixture.given(opened(0, 0), adjusted(0, 50, 10), adjusted(50, 0, 10))
                .when(new AdjustStock(productId, 0, 10, "B-2", vendor))
                .expectEvents(new StockAdjusted(productId, 0, 0, 0, 0, 10, "B-2"));
    }

    @Test
    void givenOpen_whenAdjustStockNegativeOrWithNegativeThreshold_thenValidationFailed() {
        fixture.given(opened(0, 0))
                .when(new AdjustStock(productId, -1, 10, "A-1", vendor))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
        fixture.given(opened(0, 0))
                .when(new AdjustStock(productId, 5, -1, "A-1", vendor))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
    }

    @Test
    void givenOpen_whenAnotherVendorOrACustomerChangesStock_thenForbidden() {
        fixture.given(opened(0, 0))
                .when(new AdjustStock(productId, 5, 1, "A-1", otherVendor))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.FORBIDDEN, "forbidden"));
        fixture.given(opened(0, 0))
                .when(new RestockProduct(productId, 5, customer))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.FORBIDDEN, "forbidden"));
    }

    @Test
    void givenStock_whenRestock_thenProductRestockedWithNewLevels() {
        fixture.given(opened(0, 0), adjusted(0, 5, 10))
                .when(new RestockProduct(productId, 20, vendor))
                .expectEvents(new ProductRestocked(productId, 20, 25, 0, 25));
    }

    @Test
    void givenRestocked_whenAdminAdjustsStock_thenPreviousOnHandIncludesRestock() {
        fixture.given(opened(0, 0), adjusted(0, 5, 10), new ProductRestocked(productId, 20, 25, 0, 25))
                .when(new AdjustStock(productId, 30, 10, "A-1", admin))
                .expectEvents(new StockAdjusted(productId, 25, 30, 0, 30, 10, "A-1"));
    }

    @Test
    void givenOpen_whenRestockZeroOrNegative_thenValidationFailed() {
        fixture.given(opened(0, 0))
                .when(new RestockProduct(productId, 0, vendor))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
        fixture.given(opened(0, 0))
                .when(new RestockProduct(productId, -5, vendor))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
    }

    // ---- reservations

    @Test
    void givenStock_whenReserve_thenStockReservedAndAvailableFalls() {
        fixture.given(opened(10, 0))
                .when(new ReserveStock(productId, order, 3))
                .expectEvents(new StockReserved(productId, order, 3, 10, 3, 7));
    }

    @Test
    void givenReserved_whenReserveAgainForTheSameOrder_thenNothingChanges() {
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7))
                .when(new ReserveStock(productId, order, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenReserved_whenReserveAnotherQuantityForTheSameOrder_thenInvalidTransition() {
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7))
                .when(new ReserveStock(productId, order, 4))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
    }

    @Test
    void givenFewerAvailable_whenReserve_thenInsufficientStockNamingProductAndAvailable() {
        fixture.given(opened(10, 0), new StockReserved(productId, otherOrder, 8, 10, 8, 2))
                .when(new ReserveStock(productId, order, 3))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.CONFLICT, "insufficient_stock"))
                .expectExceptionMessage("product " + productId + ": 3 requested, 2 available");
    }

    @Test
    void givenNothingAvailable_whenReserve_thenInsufficientStock() {
        fixture.given(opened(0, 0))
                .when(new ReserveStock(productId, order, 1))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.CONFLICT, "insufficient_stock"));
    }

    @Test
    void givenOpen_whenReserveZero_thenValidationFailed() {
        fixture.given(opened(10, 0))
                .when(new ReserveStock(productId, order, 0))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
    }

    @Test
    void givenThreshold_whenReservationTakesAvailableToIt_thenThresholdAlert() {
        fixture.given(opened(0, 0), adjusted(0, 12, 5))
                .when(new ReserveStock(productId, order, 7))
                .expectEvents(new StockReserved(productId, order, 7, 12, 7, 5),
                        new StockReachedReorderThreshold(productId, 5, 5));
    }

    @Test
    void givenStock_whenReservationTakesTheLastUnits_thenDepleted() {
        fixture.given(opened(0, 0), adjusted(0, 4, 0))
                .when(new ReserveStock(productId, order, 4))
                .expectEvents(new StockReserved(productId, order, 4, 4, 4, 0), new StockDepleted(productId));
    }

    @Test
    void givenReserved_whenRelease_thenUnitsAvailableAgain() {
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7))
                .when(new ReleaseStockReservation(productId, order))
                .expectEvents(new StockReservationReleased(productId, order, 3, 10, 0, 10));
    }

    @Test
    void givenNoReservation_whenRelease_thenNothing() {
        fixture.given(opened(10, 0))
                .when(new ReleaseStockReservation(productId, order))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenReleased_whenReleaseAgainOrReserveAgain_thenNothingOrInvalidTransition() {
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7),
                        new StockReservationReleased(productId, order, 3, 10, 0, 10))
                .when(new ReleaseStockReservation(productId, order))
                .expectNoEvents();
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7),
                        new StockReservationReleased(productId, order, 3, 10, 0, 10))
                .when(new ReserveStock(productId, order, 3))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
    }

    @Test
    void givenReserved_whenCommit_thenOnHandAndReservedFall() {
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7),
                        new StockReserved(productId, otherOrder, 2, 10, 5, 5))
                .when(new CommitStockReservation(productId, order))
                .expectEvents(new StockReservationCommitted(productId, order, 3, 7, 2, 5));
    }

    @Test
    void givenCommitted_whenCommitOrReserveAgain_thenNothing() {
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7),
                        new StockReservationCommitted(productId, order, 3, 7, 0, 7))
                .when(new CommitStockReservation(productId, order))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7),
                        new StockReservationCommitted(productId, order, 3, 7, 0, 7))
                .when(new ReserveStock(productId, order, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenCommitted_whenRelease_thenNothing() {
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7),
                        new StockReservationCommitted(productId, order, 3, 7, 0, 7))
                .when(new ReleaseStockReservation(productId, order))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenReleased_whenCommit_thenInvalidTransition() {
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7),
                        new StockReservationReleased(productId, order, 3, 10, 0, 10))
                .when(new CommitStockReservation(productId, order))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
    }

    @Test
    void givenCommitted_whenReturned_thenUnitsBackOnHandOnce() {
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7),
                        new StockReservationCommitted(productId, order, 3, 7, 0, 7))
                .when(new ReturnCommittedStock(productId, order, 3))
                .expectEvents(new StockReturned(productId, order, 3, 10, 0, 10));
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7),
                        new StockReservationCommitted(productId, order, 3, 7, 0, 7), new StockReturned(productId, order, 3, 10, 0, 10))
                .when(new ReturnCommittedStock(productId, order, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenStillReserved_whenReturned_thenTheReservationIsReleased() {
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7))
                .when(new ReturnCommittedStock(productId, order, 3))
                .expectEvents(new StockReservationReleased(productId, order, 3, 10, 0, 10));
    }

    @Test
    void givenNothingReservedOrReleased_whenReturned_thenNothing() {
        fixture.given(opened(10, 0))
                .when(new ReturnCommittedStock(productId, order, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7),
                        new StockReservationReleased(productId, order, 3, 10, 0, 10))
                .when(new ReturnCommittedStock(productId, order, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenNoReservation_whenCommit_thenNotFound() {
        fixture.given(opened(10, 0))
                .when(new CommitStockReservation(productId, order))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.NOT_FOUND, "not_found"));
    }

    @Test
    void givenReserved_whenAdjustBelowReserved_thenStockBelowReserved() {
        fixture.given(opened(10, 0), new StockReserved(productId, order, 6, 10, 6, 4))
                .when(new AdjustStock(productId, 5, 0, "A-1", vendor))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "stock_below_reserved"));
    }

    @Test
    void givenReserved_whenAdjustToReserved_thenAvailableZeroAndDepleted() {
        fixture.given(opened(10, 0), new StockReserved(productId, order, 6, 10, 6, 4))
                .when(new AdjustStock(productId, 6, 0, "A-1", vendor))
                .expectEvents(new StockAdjusted(productId, 10, 6, 6, 0, 0, "A-1"), new StockDepleted(productId));
    }

    @Test
    void givenReserved_whenRestock_thenReservedStaysAndAvailableRises() {
        fixture.given(opened(10, 0), new StockReserved(productId, order, 6, 10, 6, 4))
                .when(new RestockProduct(productId, 5, vendor))
                .expectEvents(new ProductRestocked(productId, 5, 15, 6, 9));
    }

    // ---- a paid order's units stay reserved until they ship

    @Test
    void givenAPaidOrderNotShipped_whenARefundWithdrawsSomeUnits_thenTheReservationHoldsFewer_oncePerReceipt_andTheRestShips() {
        Object[] paid = {opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7)};
        StockReservationReduced reduced = new StockReservationReduced(productId, order, "withdrawn-r1", 2, 10, 1, 9);
        fixture.given(paid)
                .when(new RestockReturn(productId, order, "withdrawn-r1", 2))
                .expectEvents(reduced);
        fixture.given(paid).andGiven(reduced)
                .when(new RestockReturn(productId, order, "withdrawn-r1", 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(paid).andGiven(reduced)
                .when(new CommitStockReservation(productId, order))
                .expectEvents(new StockReservationCommitted(productId, order, 1, 9, 0, 9));
        fixture.given(paid).andGiven(reduced)
                .when(new ReturnCommittedStock(productId, order, 1))
                .expectEvents(new StockReservationReleased(productId, order, 1, 10, 0, 10));
    }

    @Test
    void givenEveryUnitWithdrawn_whenTheOrderShipsOrIsCancelled_thenNothingMoves() {
        Object[] withdrawn = {opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7),
                new StockReservationReduced(productId, order, "withdrawn-r1", 3, 10, 0, 10)};
        fixture.given(withdrawn)
                .when(new CommitStockReservation(productId, order))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(withdrawn)
                .when(new ReturnCommittedStock(productId, order, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(withdrawn)
                .when(new RestockReturn(productId, order, "withdrawn-r2", 1))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
    }

    @Test
    void givenAPaidOrderNotShipped_whenMoreUnitsAreWithdrawnThanItHolds_thenRefused() {
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7))
                .when(new RestockReturn(productId, order, "withdrawn-r1", 4))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
    }

    /** A count of the warehouse finds the paid units not shipped yet: they stay reserved, none is sold twice. */
    @Test
    void givenAPaidOrderNotShipped_whenTheWarehouseIsCounted_thenItsUnitsStayReserved() {
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7))
                .when(new AdjustStock(productId, 10, 0, "A-1", vendor))
                .expectEvents(new StockAdjusted(productId, 10, 10, 3, 7, 0, "A-1"));
    }

    // ---- orders paid before 2026-12-05: units committed at payment, held again until they ship

    @Test
    void givenUnitsCommittedAtPayment_whenHeldAgain_thenOnHandAndReservedRise_once_andTheShipmentCommitsThem() {
        Object[] paidBefore = {opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7),
                new StockReservationCommitted(productId, order, 3, 7, 0, 7)};
        CommittedUnitsHeld held = new CommittedUnitsHeld(productId, order, 3, 10, 3, 7);
        fixture.given(paidBefore)
                .when(new HoldCommittedUnits(productId, order, 3))
                .expectEvents(held);
        fixture.given(paidBefore).andGiven(held)
                .when(new HoldCommittedUnits(productId, order, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(paidBefore).andGiven(held)
                .when(new CommitStockReservation(productId, order))
                .expectEvents(new StockReservationCommitted(productId, order, 3, 7, 0, 7));
        fixture.given(paidBefore).andGiven(held)
                .when(new ReturnCommittedStock(productId, order, 3))
                .expectEvents(new StockReservationReleased(productId, order, 3, 10, 0, 10));
    }

    @Test
    void givenAReservationStillOpenOrUnitsBack_whenHeldAgain_thenNothing() {
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7))
                .when(new HoldCommittedUnits(productId, order, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7),
                        new StockReservationCommitted(productId, order, 3, 7, 0, 7), new StockReturned(productId, order, 3, 10, 0, 10))
                .when(new HoldCommittedUnits(productId, order, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ---- counts: what is left out is kept, and a count can name the level it was made against

    @Test
    void givenSettings_whenACountLeavesThemOut_thenTheyAreKept_andAnEmptyLocationClearsIt() {
        fixture.given(opened(0, 0), adjusted(0, 50, 10))
                .when(new AdjustStock(productId, 40, null, null, vendor))
                .expectEvents(new StockAdjusted(productId, 50, 40, 0, 40, 10, "A-1"));
        fixture.given(opened(0, 0), adjusted(0, 50, 10))
                .when(new AdjustStock(productId, null, 60, null, vendor))
                .expectEvents(new StockAdjusted(productId, 50, 50, 0, 50, 60, "A-1"),
                        new StockReachedReorderThreshold(productId, 50, 60));
        fixture.given(opened(0, 0), adjusted(0, 50, 10))
                .when(new AdjustStock(productId, null, null, " ", vendor))
                .expectEvents(new StockAdjusted(productId, 50, 50, 0, 50, 10, null));
    }

    @Test
    void givenOpen_whenACountNamesNothing_thenValidationFailed() {
        fixture.given(opened(0, 0), adjusted(0, 50, 10))
                .when(new AdjustStock(productId, null, 50, null, null, vendor))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
    }

    @Test
    void givenOnHandMovedSinceTheCountBegan_whenTheCountNamesTheOldLevel_thenStockChanged_otherwiseApplied() {
        fixture.given(opened(0, 0), adjusted(0, 50, 10), new ProductRestocked(productId, 5, 55, 0, 55))
                .when(new AdjustStock(productId, 48, 50, null, null, vendor))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.CONFLICT, "stock_changed"));
        fixture.given(opened(0, 0), adjusted(0, 50, 10), new ProductRestocked(productId, 5, 55, 0, 55))
                .when(new AdjustStock(productId, 53, 55, null, null, vendor))
                .expectEvents(new StockAdjusted(productId, 55, 53, 0, 53, 10, "A-1"));
    }

    /** A count both stale and below what is reserved: the staleness is said first, since a recount is the way out. */
    @Test
    void givenReservedUnits_whenAStaleCountIsAlsoBelowThem_thenStockChanged() {
        fixture.given(opened(5, 0), new StockReserved(productId, OrderId.random(), 2, 5, 2, 3))
                .when(new AdjustStock(productId, 0, 4, null, null, vendor))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.CONFLICT, "stock_changed"));
    }

    // ---- helpers

    @Test
    void givenShippedUnits_whenTheirReturnArrives_thenOnHandAgain_oncePerParcel() {
        OrderId order = OrderId.random();
        Object[] shipped = {opened(10, 0), new StockReserved(productId, order, 3, 10, 3, 7),
                new StockReservationCommitted(productId, order, 3, 7, 0, 7)};
        fixture.given(shipped)
                .when(new RestockReturn(productId, order, "parcel-1", 2))
                .expectEvents(new ReturnedStockRestocked(productId, order, "parcel-1", 2, 9, 0, 9));
        fixture.given(shipped).andGiven(new ReturnedStockRestocked(productId, order, "parcel-1", 2, 9, 0, 9))
                .when(new RestockReturn(productId, order, "parcel-1", 2))
                .expectNoEvents();
        fixture.given(shipped).andGiven(new ReturnedStockRestocked(productId, order, "parcel-1", 2, 9, 0, 9))
                .when(new RestockReturn(productId, order, "parcel-2", 1))
                .expectEvents(new ReturnedStockRestocked(productId, order, "parcel-2", 1, 10, 0, 10));
    }

    private InventoryOpened opened(int onHand, int reserved) {
        return new InventoryOpened(productId, vendorId, onHand, reserved, onHand - reserved, 0, null);
    }

    private StockAdjusted adjusted(int previousOnHand, int onHand, int threshold) {
        return new StockAdjusted(productId, previousOnHand, onHand, 0, onHand, threshold, "A-1");
    }

    static Matcher<DomainException> domainError(ErrorKind kind, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return kind == e.kind() && code.equals(e.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("DomainException ").appendValue(kind).appendText(" with code ").appendValue(code);
            }
        };
    }
}
