package dev.stoa.command.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.inventory.*;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.platform.SnapshotState;
import java.util.ArrayList;
import java.util.List;

/**
 * A product's stock levels and their rules: never negative, {@code onHand} (units in the warehouse, those held for
 * paid orders until they ship included) never below what is reserved, and the
 * threshold and depletion alerts raised once, when {@code available} crosses them on the way down (by a count or by
 * a reservation).
 */
@SnapshotState
final class StockLevels {
    static final int MAX_UNITS = 10_000_000;
    private int onHand;
    private int reserved;
    private int reorderThreshold;
    private String warehouseLocation;

    int available() { return onHand - reserved; }

    /**
     * A count: the levels and settings it names, the others kept ({@code location} blank clears it). With
     * {@code expectedOnHand}, only if {@code onHand} is still that: a count made against a level that has moved since
     * (units shipped, arrived or counted) would put back or take away what moved.
     */
    List<Object> adjust(ProductId id, Integer countedOnHand, Integer expectedOnHand, Integer newThreshold, String location) {
        if (countedOnHand == null && newThreshold == null && location == null)
            throw DomainException.badInput("nothing to change: give onHand, reorderThreshold or warehouseLocation");
        if (expectedOnHand != null && expectedOnHand != onHand)
            throw new DomainException(ErrorCode.STOCK_CHANGED, "onHand is " + onHand + ", not the expected " + expectedOnHand
                    + ": units shipped, arrived or were counted since; read the inventory and count again");
        int newOnHand = countedOnHand == null ? onHand : countedOnHand;
        int threshold = newThreshold == null ? reorderThreshold : newThreshold;
        String newLocation = location == null ? warehouseLocation : location.isBlank() ? null : location.strip();
        if (newOnHand < 0 || newOnHand > MAX_UNITS) throw DomainException.badInput("onHand must be between 0 and " + MAX_UNITS);
        if (threshold < 0 || threshold > MAX_UNITS) throw DomainException.badInput("reorderThreshold must be between 0 and " + MAX_UNITS);
        if (newOnHand < reserved)
            throw new DomainException(ErrorCode.STOCK_BELOW_RESERVED, "onHand " + newOnHand + " is below the " + reserved
                    + " units reserved for orders (not paid yet, or paid and not shipped yet)");
        List<Object> events = new ArrayList<>();
        events.add(new StockAdjusted(id, onHand, newOnHand, reserved, newOnHand - reserved, threshold, newLocation));
        alerts(id, newOnHand - reserved, threshold, events);
        return events;
    }

    ProductRestocked restock(ProductId id, int quantity) {
        requireAddable(quantity);
        return new ProductRestocked(id, quantity, onHand + quantity, reserved, onHand + quantity - reserved);
    }

    List<Object> reserve(ProductId id, OrderId order, int quantity) {
        if (quantity > available())
            throw new DomainException(ErrorCode.INSUFFICIENT_STOCK, "product " + id + ": " + quantity
                    + " requested, " + available() + " available");
        List<Object> events = new ArrayList<>();
        events.add(new StockReserved(id, order, quantity, onHand, reserved + quantity, available() - quantity));
        alerts(id, available() - quantity, reorderThreshold, events);
        return events;
    }

    StockReservationReleased release(ProductId id, OrderId order, int quantity) {
        return new StockReservationReleased(id, order, quantity, onHand, reserved - quantity, available() + quantity);
    }

    /** The goods of a cancelled order come back: on hand and available rise. */
    StockReturned giveBack(ProductId id, OrderId order, int quantity) {
        requireAddable(quantity);
        return new StockReturned(id, order, quantity, onHand + quantity, reserved, available() + quantity);
    }

    /** Units a buyer sent back arrived: on hand and available rise. */
    ReturnedStockRestocked restockReturn(ProductId id, OrderId order, String receiptId, int quantity) {
        requireAddable(quantity);
        return new ReturnedStockRestocked(id, order, receiptId, quantity, onHand + quantity, reserved, available() + quantity);
    }

    /** Units of an order committed at payment and not shipped yet are counted on hand again, reserved for it. */
    CommittedUnitsHeld hold(ProductId id, OrderId order, int quantity) {
        requireAddable(quantity);
        return new CommittedUnitsHeld(id, order, quantity, onHand + quantity, reserved + quantity, available());
    }

    /** Units a refund withdrew from an order before they shipped are no longer held for it: available rises. */
    StockReservationReduced reduce(ProductId id, OrderId order, String receiptId, int quantity) {
        return new StockReservationReduced(id, order, receiptId, quantity, onHand, reserved - quantity, available() + quantity);
    }

    /** The goods leave: both levels fall, {@code available} stays as it was. */
    StockReservationCommitted commit(ProductId id, OrderId order, int quantity) {
        return new StockReservationCommitted(id, order, quantity, onHand - quantity, reserved - quantity, available());
    }

    /** Units coming on hand: a positive number that keeps {@code onHand} at most {@link #MAX_UNITS}. */
    private void requireAddable(int quantity) {
        if (quantity <= 0 || quantity > MAX_UNITS - onHand)
            throw DomainException.badInput("quantity must be positive and keep onHand at most " + MAX_UNITS);
    }

    /**
     * Raises each alert once, on entering its state: at or below the threshold (whether stock fell or the
     * threshold was raised above it), and at zero.
     */
    private void alerts(ProductId id, int after, int threshold, List<Object> events) {
        boolean wasLow = reorderThreshold > 0 && available() <= reorderThreshold;
        if (threshold > 0 && after <= threshold && !wasLow)
            events.add(new StockReachedReorderThreshold(id, after, threshold));
        if (available() > 0 && after == 0) events.add(new StockDepleted(id));
    }

    void on(InventoryOpened e) {
        levels(e.onHand(), e.reserved());
        reorderThreshold = e.reorderThreshold();
        warehouseLocation = e.warehouseLocation();
    }

    void on(StockAdjusted e) {
        levels(e.onHand(), e.reserved());
        reorderThreshold = e.reorderThreshold();
        warehouseLocation = e.warehouseLocation();
    }

    void on(ProductRestocked e) { levels(e.onHand(), e.reserved()); }

    void levels(int newOnHand, int newReserved) {
        onHand = newOnHand;
        reserved = newReserved;
    }
}
