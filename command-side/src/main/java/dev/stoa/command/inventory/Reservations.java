package dev.stoa.command.inventory;

import dev.stoa.api.inventory.CommittedUnitsHeld;
import dev.stoa.api.inventory.StockReservationCommitted;
import dev.stoa.api.inventory.ReturnedStockRestocked;
import dev.stoa.api.inventory.StockReturned;
import dev.stoa.api.inventory.StockReservationReduced;
import dev.stoa.api.inventory.StockReservationReleased;
import dev.stoa.api.inventory.StockReserved;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.DomainException;
import dev.stoa.command.platform.SnapshotState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reservations orders made on one product, by order id: open ones with their quantity (held from the checkout
 * until the line ships, less units refunds withdrew; 0 when they withdrew all), and the ids of those committed or
 * released, so that a repeated command (a saga retrying) is answered as the first was.
 */
@SnapshotState
final class Reservations {
    private final Map<String, Integer> open = new HashMap<>();
    private final Set<String> committed = new HashSet<>();
    private final Set<String> released = new HashSet<>();
    private final Set<String> returned = new HashSet<>();
    /** Parcels of returned units restocked, by receipt id (added after revision 1's snapshots, which had none). */
    private final Set<String> receipts = new HashSet<>();

    /**
     * True if this order holds (or held and committed) these units already: reserving again changes nothing. A
     * released reservation, or another quantity for the same order, is refused: the order has to be placed anew.
     */
    boolean alreadyReserved(OrderId order, int quantity) {
        String id = order.value();
        if (released.contains(id))
            throw DomainException.invalidTransition("the reservation for order " + id + " was released");
        if (committed.contains(id)) return true;
        Integer held = open.get(id);
        if (held == null) return false;
        if (held != quantity)
            throw DomainException.invalidTransition("order " + id + " holds a reservation of " + held + " units already");
        return true;
    }

    /**
     * The quantity an open reservation holds; empty if there is none (never made, released or committed) or a refund
     * withdrew all its units.
     */
    Optional<Integer> openQuantity(OrderId order) {
        return Optional.ofNullable(open.get(order.value())).filter(held -> held > 0);
    }

    /**
     * What an open reservation holds, 0 included (refunds withdrew all its units); empty if there is none (never made,
     * released or committed).
     */
    Optional<Integer> held(OrderId order) { return Optional.ofNullable(open.get(order.value())); }

    /** The quantity to commit; empty if it was committed already. */
    Optional<Integer> quantityToCommit(OrderId order) {
        String id = order.value();
        if (committed.contains(id)) return Optional.empty();
        if (released.contains(id))
            throw DomainException.invalidTransition("the reservation for order " + id + " was released");
        Integer held = open.get(id);
        if (held == null) throw DomainException.notFound("stock reservation for order " + id);
        return Optional.of(held).filter(units -> units > 0); // none: refunds withdrew every unit, nothing ships
    }

    /** Whether the order's committed units can come back: committed and not returned yet. */
    boolean returnable(OrderId order) {
        return committed.contains(order.value()) && !returned.contains(order.value());
    }

    void on(StockReturned e) { returned.add(e.orderId().value()); }

    /** Whether the parcel {@code receiptId} was restocked already. */
    boolean received(String receiptId) { return receipts.contains(receiptId); }

    void on(ReturnedStockRestocked e) { receipts.add(e.receiptId()); }

    /** Committed at payment, held again until the line ships: open once more. */
    void on(CommittedUnitsHeld e) {
        committed.remove(e.orderId().value());
        open.put(e.orderId().value(), e.quantity());
    }

    void on(StockReservationReduced e) {
        open.computeIfPresent(e.orderId().value(), (order, held) -> held - e.quantity());
        receipts.add(e.receiptId());
    }

    void on(StockReserved e) { open.put(e.orderId().value(), e.quantity()); }

    void on(StockReservationReleased e) {
        open.remove(e.orderId().value());
        released.add(e.orderId().value());
    }

    void on(StockReservationCommitted e) {
        open.remove(e.orderId().value());
        committed.add(e.orderId().value());
    }
}
