package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An approved refund covers product units the buyer sends back: a return is open for them. The units come back on
 * hand only when staff record them received ({@link ProductReturnReceived}), not now.
 */
@Revision("1")
public record ProductReturnOpened(RefundRequestId refundId, OrderId orderId, UserId buyer, List<RefundItem> items) {}
