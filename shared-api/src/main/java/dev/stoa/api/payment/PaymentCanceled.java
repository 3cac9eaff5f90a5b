package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/** The PaymentIntent was canceled before any money moved ({@code canceled}): the order is cancelled too. */
@Revision("1")
public record PaymentCanceled(PaymentId paymentId, OrderId orderId, UserId buyer, String reason, String gatewayEventId) {}
