package dev.stoa.api.wallet;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.CompletesItsWrite;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives money back for an order to the wallet it was debited from. The refunds of an order add up to at most what was
 * debited for it (422 {@code refund_exceeds_debit}); idempotent per {@code refundReference}. Answers the balance after it.
 * An approved refund request's ({@code refund-request-<id>}) is sent by the approval's request and by
 * {@code refund-process}, whichever first: it completes its write.
 */
public record RefundToWallet(UserId userId, OrderId orderId, String refundReference, long amountCents, String currency)
        implements CompletesItsWrite {
    @TargetAggregateIdentifier
    public String walletId() { return WalletId.of(userId); }
}
