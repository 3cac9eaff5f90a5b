package dev.stoa.api.ordering;

import dev.stoa.api.identity.UserId;
import org.axonframework.serialization.Revision;

/** Every line the order ships was delivered: shipped → delivered, final. */
@Revision("1")
public record OrderDelivered(OrderId orderId, String orderNumber, UserId buyer) {}
