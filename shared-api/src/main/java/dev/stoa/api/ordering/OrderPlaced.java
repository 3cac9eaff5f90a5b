package dev.stoa.api.ordering;

import dev.stoa.api.identity.UserId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An order was opened, {@code pending} until paid. {@code orderNumber} is {@code ORD-YYYYMMDD-XXXX}, unique.
 * {@code shippingAddress} (null without physical lines) and {@code notes} are sealed with the buyer's key.
 * Unpaid at {@code holdUntil}, it is cancelled with reason {@code expired}.
 */
@Revision("1")
public record OrderPlaced(OrderId orderId, String orderNumber, UserId buyer, List<OrderLine> lines, OrderAmounts amounts,
                          String couponCode, ShippingAddress shippingAddress, String paymentMethod, String notes,
                          Instant holdUntil) {}
