package dev.stoa.api.ordering;

import dev.stoa.api.identity.UserId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open an order (sent by the checkout saga once the cart is priced): it starts {@code pending} with a unique order
 * number and a payment hold. The amounts must add up ({@link OrderAmounts}); a shipping address is required when a line
 * is physical. {@code paymentMethod} is {@code card} or {@code wallet}; {@code couponCode} and {@code notes} may be null.
 * The address is given in clear; the order seals it before it enters an event.
 */
public record PlaceOrder(@TargetAggregateIdentifier OrderId orderId, UserId buyer, List<OrderLine> lines,
                         OrderAmounts amounts, String couponCode, ShippingAddress shippingAddress, String paymentMethod,
                         String notes) {
    public static final String CARD = "card";
    public static final String WALLET = "wallet";
}
