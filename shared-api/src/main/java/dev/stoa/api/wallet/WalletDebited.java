package dev.stoa.api.wallet;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import org.axonframework.serialization.Revision;

/** An order was paid from the wallet; {@code balanceAfterCents} is never negative. */
@Revision("1")
public record WalletDebited(UserId userId, OrderId orderId, long amountCents, String currency, long balanceAfterCents) {}
