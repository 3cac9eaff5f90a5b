package dev.stoa.api.payment;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/** The card was declined ({@code failed}): the order is cancelled with reason {@code payment_failed} and the buyer told. */
@Revision("1")
public record PaymentFailed(PaymentId paymentId, OrderId orderId, UserId buyer, long amountCents, String currency,
                            String failureCode, String failureMessage, String gatewayEventId) {}
