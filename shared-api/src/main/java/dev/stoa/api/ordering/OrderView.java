package dev.stoa.api.ordering;

import dev.stoa.api.platform.MayBeNull;
import java.time.Instant;
import java.util.List;

/**
 * An order as API.md shows it. A vendor sees only their own lines, {@code subtotalCents} of those, and no discount,
 * tax, shipping or total (null): those belong to the whole order. Once the buyer is erased, the shipping address (but
 * its country), the notes and a cancellation reason in the buyer's words read {@code [erased]}.
 */
public record OrderView(String id, String orderNumber, String buyerId, String status, List<Item> items,
                        Long subtotalCents, @MayBeNull Long discountCents, @MayBeNull Long taxCents,
                        @MayBeNull Long shippingCents, @MayBeNull Long totalCents, String currency,
                        @MayBeNull String couponCode, @MayBeNull String paymentMethod,
                        @MayBeNull ShippingAddress shippingAddress, @MayBeNull String notes,
                        @MayBeNull String cancelReason, Instant placedAt, @MayBeNull Instant holdUntil,
                        List<HistoryEntry> history) {

    /**
     * One line; {@code productId} or {@code courseId} is set, after its type. {@code withdrawnQuantity}: units a refund
     * paid back before they shipped; they are not shipped (and are back in stock), so the vendor ships
     * {@code quantity - withdrawnQuantity}. {@code sentBackQuantity}: units a refund paid back after they shipped; the
     * buyer sends them back (a return), and they are back in stock once it is received.
     */
    public record Item(String itemType, @MayBeNull String productId, @MayBeNull String courseId, String vendorId,
                       String nameSnapshot, @MayBeNull String skuSnapshot, long unitPriceCents, int quantity,
                       long lineTotalCents, boolean physical, @MayBeNull String trackingNumber,
                       @MayBeNull Instant shippedAt, @MayBeNull Instant deliveredAt, int withdrawnQuantity,
                       int sentBackQuantity) {}

    /** A status the order reached, and when. */
    public record HistoryEntry(String status, Instant at) {}
}
