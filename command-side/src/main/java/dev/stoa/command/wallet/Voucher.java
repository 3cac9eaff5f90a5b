package dev.stoa.command.wallet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.wallet.*;
import dev.stoa.command.platform.SnapshotState;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One voucher, identified by the keyed hash of its code (so nobody finds it without the code). Created by its batch
 * ({@link VoucherBatch}); redeemed at most once, before it expires, by whoever asks first: two users racing for it are
 * decided one after the other on this aggregate, and only the winner's {@link VoucherRedeemed} is stored.
 */
@Aggregate(cache = "aggregateCache")
@Revision("2") // 2: revoked (2026-12-07, sixth session); snapshots of revision 1 are rebuilt from the events
@SnapshotState
public class Voucher {
    /**
     * The refusal of a voucher its caller redeemed already (a double click, a second tab): no guess, so the guessing
     * limit does not charge it as one (WalletCommandController).
     */
    static final String REDEEMED_BY_YOU = "you redeemed this voucher already: its amount is in your wallet";

    @AggregateIdentifier
    private VoucherId voucherId;
    private VoucherBatchId batchId;
    private long amountCents;
    private String currency;
    private Instant expiresAt;
    private String redeemedBy;
    private boolean revoked;

    protected Voucher() {}

    /** Called by {@link VoucherBatch} in the batch's own unit of work: a batch is created whole or not at all. */
    Voucher(IssuedVoucher voucher, VoucherBatchId batchId, long amountCents, String currency, Instant expiresAt) {
        apply(new VoucherIssued(voucher.voucherId(), batchId, amountCents, currency, expiresAt, voucher.hint()));
    }

    /** A code whose voucher does not exist reaches here as a new, empty instance, and is refused without a trace. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    VoucherRedeemed handle(RedeemVoucher cmd, WalletSettings settings) {
        if (voucherId == null) throw new DomainException(ErrorCode.VOUCHER_NOT_FOUND, "no voucher has this code");
        if (revoked) throw new DomainException(ErrorCode.VOUCHER_REVOKED, "this voucher was withdrawn");
        if (redeemedBy != null && cmd.again() && redeemedBy.equals(cmd.userId().value()))
            return new VoucherRedeemed(voucherId, batchId, cmd.userId(), amountCents, currency); // the caller's own, answered again
        if (redeemedBy != null && redeemedBy.equals(cmd.userId().value()))
            throw new DomainException(ErrorCode.VOUCHER_REDEEMED, REDEEMED_BY_YOU);
        if (redeemedBy != null) throw new DomainException(ErrorCode.VOUCHER_REDEEMED, "this voucher was redeemed already");
        if (!GenericEventMessage.clock.instant().isBefore(expiresAt))
            throw new DomainException(ErrorCode.VOUCHER_EXPIRED, "this voucher expired at " + expiresAt);
        if (!currency.equals(settings.currency()))
            throw new DomainException(ErrorCode.VOUCHER_CURRENCY_MISMATCH, "the voucher is in " + currency
                    + ", wallets keep " + settings.currency());
        VoucherRedeemed redeemed = new VoucherRedeemed(voucherId, batchId, cmd.userId(), amountCents, currency);
        apply(redeemed);
        return redeemed;
    }

    /**
     * An admin withdraws a voucher nobody redeemed (its code leaked, or went to the wrong person): there was no way to
     * before 2026-12-07, sixth session, but to wait for it to expire (walkthrough Z28). A redeemed one is in a wallet:
     * 409. Again: nothing more.
     */
    @CommandHandler
    void handle(RevokeVoucher cmd) {
        dev.stoa.api.platform.Access.requireAdmin(cmd.actor());
        if (voucherId == null) throw DomainException.notFound("voucher " + cmd.voucherId());
        if (redeemedBy != null)
            throw DomainException.invalidTransition("voucher " + voucherId.value() + " was redeemed: its amount is in a wallet");
        if (!revoked) apply(new VoucherRevoked(voucherId, batchId, new UserId(cmd.actor().userId())));
    }

    @EventSourcingHandler
    void on(VoucherRevoked e) { revoked = true; }

    @EventSourcingHandler
    void on(VoucherIssued e) {
        voucherId = e.voucherId();
        batchId = e.batchId();
        amountCents = e.amountCents();
        currency = e.currency();
        expiresAt = e.expiresAt();
    }

    @EventSourcingHandler
    void on(VoucherRedeemed e) { redeemedBy = e.userId().value(); }

    UserId redeemedBy() { return redeemedBy == null ? null : new UserId(redeemedBy); }
}
