package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/** A refund request was rejected by {@code rejectedBy} (admin or support) for {@code reason}; nothing is paid back. */
@Revision("1")
public record RefundRejected(RefundRequestId refundId, OrderId orderId, UserId buyer, String reason, String rejectedBy) {}
