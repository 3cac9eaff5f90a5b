package dev.stoa.api.wallet;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/** Money paid for an order came back to the wallet, under the refund's own reference. */
@Revision("1")
public record WalletRefunded(UserId userId, OrderId orderId, String refundReference, long amountCents, String currency,
                             long balanceAfterCents) {}
