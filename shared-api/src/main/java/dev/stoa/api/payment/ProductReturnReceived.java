package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Returned units of a refund request arrived (parcel {@code receiptId}, recorded by {@code receivedBy}): they go back
 * on hand ({@code RestockReturn} per product). {@code complete}: every unit the return opened for has arrived now.
 */
@Revision("1")
public record ProductReturnReceived(RefundRequestId refundId, OrderId orderId, UserId buyer, String receiptId,
                                    List<RefundItem> items, boolean complete, String receivedBy) {}
