package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Units a buyer sent back arrived: {@code quantity} units of order {@code orderId} go back on hand
 * ({@link ReturnedStockRestocked}). Units withdrawn from an order whose reservation is still open (paid, not shipped
 * yet) never left: the reservation holds that many fewer ({@link StockReservationReduced}), {@code onHand} stays.
 * Once per {@code receiptId} (the parcel): the same receipt again changes nothing.
 * Sent by the returns process of refund requests, and by the order's saga for units a refund withdrew before they
 * shipped (receipt {@code withdrawn-<refundId>}).
 */
public record RestockReturn(ProductId productId, OrderId orderId, String receiptId, int quantity) {
    @TargetAggregateIdentifier
    public String inventoryId() { return InventoryIds.of(productId); }
}
