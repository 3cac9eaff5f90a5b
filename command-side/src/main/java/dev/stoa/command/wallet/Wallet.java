package dev.stoa.command.wallet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.wallet.*;
import dev.stoa.command.platform.SnapshotState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's wallet: a ledger of top-ups (redeemed vouchers), debits (orders paid) and refunds, in one currency. One
 * consistency boundary, so two debits that race are decided one after the other and the balance never goes negative.
 * It opens with its first top-up; a user without one has balance 0. Every change is idempotent by its reference
 * (voucher, order, refund reference): a retry changes nothing and answers the balance.
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@Revision("1")
@SnapshotState
public class Wallet {
    @AggregateIdentifier
    private String walletId;
    private String currency;
    private long balanceCents;
    private Set<String> vouchers = new HashSet<>();
    private Map<String, Long> debitedByOrder = new HashMap<>();
    private Map<String, Long> refundedByOrder = new HashMap<>();
    private Set<String> refundReferences = new HashSet<>();

    protected Wallet() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(TopUpWallet cmd, WalletSettings settings) {
        requirePositive(cmd.amountCents());
        if (vouchers.contains(cmd.voucherId().value())) return balanceCents;
        requireCurrency(cmd.currency(), settings);
        apply(new WalletToppedUp(cmd.userId(), cmd.voucherId(), cmd.amountCents(), cmd.currency(),
                Math.addExact(balanceCents, cmd.amountCents())));
        return balanceCents;
    }

    /** An existing wallet's answer to whether it keeps a currency (a missing one is not created: 404). */
    @CommandHandler
    void handle(CheckWalletCurrency cmd, WalletSettings settings) { requireCurrency(cmd.currency(), settings); }

    @CommandHandler
    void handle(CheckWalletCovers cmd, WalletSettings settings) {
        requirePositive(cmd.amountCents());
        requireCurrency(cmd.currency(), settings);
        requireCovers(cmd.amountCents());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(DebitWallet cmd, WalletSettings settings, CancelledOrders cancelled) {
        requirePositive(cmd.amountCents());
        if (debitedByOrder.containsKey(cmd.orderId().value())) return balanceCents;
        requireCurrency(cmd.currency(), settings);
        if (cancelled.contains(cmd.orderId()))
            throw DomainException.invalidTransition("order " + cmd.orderId() + " is cancelled: nothing to pay");
        requireCovers(cmd.amountCents());
        apply(new WalletDebited(cmd.userId(), cmd.orderId(), cmd.amountCents(), cmd.currency(),
                balanceCents - cmd.amountCents()));
        return balanceCents;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RefundToWallet cmd, WalletSettings settings) {
        requirePositive(cmd.amountCents());
        requireReference(cmd.refundReference());
        if (refundReferences.contains(cmd.refundReference())) return balanceCents;
        requireCurrency(cmd.currency(), settings);
        String order = cmd.orderId().value();
        long debited = debitedByOrder.getOrDefault(order, 0L);
        long refunded = refundedByOrder.getOrDefault(order, 0L);
        if (refunded + cmd.amountCents() > debited)
            throw new DomainException(ErrorCode.REFUND_EXCEEDS_DEBIT, "order " + order + ": " + debited
                    + " cents debited, " + refunded + " refunded; " + cmd.amountCents() + " more is too much");
        apply(new WalletRefunded(cmd.userId(), cmd.orderId(), cmd.refundReference(), cmd.amountCents(), cmd.currency(),
                Math.addExact(balanceCents, cmd.amountCents())));
        return balanceCents;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(RefundRestToWallet cmd, WalletSettings settings) {
        requireReference(cmd.refundReference());
        if (refundReferences.contains(cmd.refundReference())) return balanceCents;
        requireCurrency(cmd.currency(), settings);
        String order = cmd.orderId().value();
        Long debited = debitedByOrder.get(order);
        if (debited == null)
            throw new DomainException(ErrorCode.REFUND_EXCEEDS_DEBIT, "order " + order + ": nothing was debited for it");
        long left = debited - refundedByOrder.getOrDefault(order, 0L);
        if (left <= 0) return balanceCents; // refunded whole already
        apply(new WalletRefunded(cmd.userId(), cmd.orderId(), cmd.refundReference(), left, cmd.currency(),
                Math.addExact(balanceCents, left)));
        return balanceCents;
    }

    private static void requireReference(String refundReference) {
        if (refundReference == null || refundReference.isBlank() || refundReference.length() > 200)
            throw DomainException.badInput("refundReference is required (at most 200 characters)");
    }

    private static void requirePositive(long amountCents) {
        if (amountCents <= 0) throw DomainException.badInput("amountCents must be positive");
    }

    private void requireCovers(long amountCents) {
        if (amountCents > balanceCents)
            throw new DomainException(ErrorCode.INSUFFICIENT_FUNDS, "the wallet holds " + balanceCents
                    + " cents, the order needs " + amountCents);
    }

    private void requireCurrency(String requested, WalletSettings settings) {
        String own = currency != null ? currency : settings.currency();
        if (!own.equals(requested))
            throw new DomainException(ErrorCode.CURRENCY_MISMATCH, "the wallet keeps " + own + ", not " + requested);
    }

    @EventSourcingHandler
    void on(WalletToppedUp e) {
        opened(e.userId(), e.currency());
        vouchers.add(e.voucherReference().value());
        balanceCents = e.balanceAfterCents();
    }

    @EventSourcingHandler
    void on(WalletDebited e) {
        opened(e.userId(), e.currency());
        debitedByOrder.put(e.orderId().value(), e.amountCents());
        balanceCents = e.balanceAfterCents();
    }

    @EventSourcingHandler
    void on(WalletRefunded e) {
        opened(e.userId(), e.currency());
        refundedByOrder.merge(e.orderId().value(), e.amountCents(), Long::sum);
        refundReferences.add(e.refundReference());
        balanceCents = e.balanceAfterCents();
    }

    private void opened(dev.stoa.api.identity.UserId userId, String walletCurrency) {
        if (walletId == null) walletId = WalletId.of(userId);
        if (currency == null) currency = walletCurrency;
    }
}
