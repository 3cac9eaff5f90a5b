package dev.stoa.api.ordering;

import dev.stoa.api.identity.UserId;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * The order was cancelled from {@code previousStatus} (pending, confirmed or shipped). Carries what the saga needs to
 * undo it without reading a read model: the lines (stock to release; with {@code previousStatus} pending the
 * reservations were never committed), the coupon to release, and whether it was paid ({@code paidCents} by
 * {@code paymentMethod} as {@code paymentReference}: the amount to refund; 0 when unpaid). {@code reason} is sealed
 * with the buyer's key (free text may name people), except {@code expired} and {@code user_deactivated}.
 * {@code cancelledBy} is the user id of who asked, or {@code system}. {@code shippedItemIds}: the lines that had left
 * already (an admin may cancel a partly shipped order, still {@code confirmed}); their units do not come back.
 * {@code withdrawnUnits}: units per line (by item id) the cancellation does not put back on hand: those refund requests
 * took out of what the order ships before it was cancelled (available again already), and, since 2026-12-05, those they
 * sent back through a return (back on hand when it is received). Both null in events stored before they existed.
 */
@Revision("1")
public record OrderCancelled(OrderId orderId, String orderNumber, UserId buyer, String previousStatus, String reason,
                             String cancelledBy, List<OrderLine> lines, String couponCode, String paymentMethod,
                             String paymentReference, long paidCents, String currency, List<String> shippedItemIds,
                             Map<String, Integer> withdrawnUnits) implements OrderEndedCancelled {

    /** A cancellation of an order none of whose lines had shipped. */
    public OrderCancelled(OrderId orderId, String orderNumber, UserId buyer, String previousStatus, String reason,
                          String cancelledBy, List<OrderLine> lines, String couponCode, String paymentMethod,
                          String paymentReference, long paidCents, String currency) {
        this(orderId, orderNumber, buyer, previousStatus, reason, cancelledBy, lines, couponCode, paymentMethod,
                paymentReference, paidCents, currency, List.of(), Map.of());
    }

    /** Whether the line had left before the cancellation. */
    public boolean shipped(OrderLine line) { return shippedItemIds != null && shippedItemIds.contains(line.itemId()); }

    /** The line's units still committed to the order when it was cancelled: those sold, less those withdrawn before. */
    public int unitsKept(OrderLine line) {
        return line.quantity() - (withdrawnUnits == null ? 0 : withdrawnUnits.getOrDefault(line.itemId(), 0));
    }
}
