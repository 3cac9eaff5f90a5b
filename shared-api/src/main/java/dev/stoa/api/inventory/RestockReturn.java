package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Units a buyer sent back arrived: {@code quantity} units of order {@code orderId} go back on hand
 * ({@link ReturnedStockRestocked}). Units withdrawn from an order whose reservation is still open (paid, not shipped
 * yet) never left: the reservation holds that many fewer ({@link StockReservationReduced}), {@code onHand} stays.
 * Once per {@code receiptId} (the parcel): the same receipt again changes nothing.
 * Sent by the returns process of refund requests, and for units a refund withdrew (receipt {@code withdrawn-<refundId>})
 * by the approval's request, by the refund process after it, and by the order's saga while the order is open; it
 * completes its write ({@link CompletesItsWrite}): a return recorded, or a refund approved, is answered with its units
 * back. Before 2026-12-06 only the saga sent it for withdrawn units, so a digital product refunded after the order was
 * delivered (its saga ended) never came back on hand.
 */
public record RestockReturn(ProductId productId, OrderId orderId, String receiptId, int quantity) implements CompletesItsWrite {
    @TargetAggregateIdentifier
    public String inventoryId() { return InventoryIds.of(productId); }

    /** The receipt of units a refund withdrew from its order: {@code withdrawn-<refundId>}. */
    public static String withdrawnBy(String refundId) { return "withdrawn-" + refundId; }
}
