package dev.stoa.projection.wallet;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.wallet.WalletDebited;
import dev.stoa.api.wallet.WalletRefunded;
import dev.stoa.api.wallet.WalletToppedUp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@code wallet_view} and {@code wallet_entry_view}: each wallet's balance and ledger. The balance is the
 * event's own {@code balanceAfterCents}, so the read model shows what the aggregate decided, never a sum of its own.
 * Ledger rows are keyed by event id: handling an event twice writes nothing twice.
 */
@Component
@ProcessingGroup(WalletProjection.NAME)
public class WalletProjection {
    public static final String NAME = "wallet-read-model";
    private final WalletViewRepository wallets;
    private final WalletEntryViewRepository entries;

    public WalletProjection(WalletViewRepository wallets, WalletEntryViewRepository entries) {
        this.wallets = wallets;
        this.entries = entries;
    }

    @EventHandler
    void on(WalletToppedUp e, EventMessage<?> message, @Timestamp Instant at, @SequenceNumber long seq) {
        record(e.userId(), e.currency(), new WalletEntryEntity(message.getIdentifier(), e.userId().value(),
                WalletEntryEntity.TOPUP, e.amountCents(), e.voucherReference().value(), null, e.balanceAfterCents(), at, seq));
    }

    @EventHandler
    void on(WalletDebited e, EventMessage<?> message, @Timestamp Instant at, @SequenceNumber long seq) {
        record(e.userId(), e.currency(), new WalletEntryEntity(message.getIdentifier(), e.userId().value(),
                WalletEntryEntity.DEBIT, e.amountCents(), e.orderId().value(), e.orderId().value(), e.balanceAfterCents(), at, seq));
    }

    @EventHandler
    void on(WalletRefunded e, EventMessage<?> message, @Timestamp Instant at, @SequenceNumber long seq) {
        record(e.userId(), e.currency(), new WalletEntryEntity(message.getIdentifier(), e.userId().value(),
                WalletEntryEntity.REFUND, e.amountCents(), e.refundReference(), e.orderId().value(), e.balanceAfterCents(), at, seq));
    }

    private void record(UserId userId, String currency, WalletEntryEntity entry) {
        if (entries.existsById(entry.getEventId())) return;
        entries.save(entry);
        WalletEntity wallet = wallets.findById(userId.value()).orElseGet(() -> new WalletEntity(userId.value(), currency));
        wallet.balance(entry.getBalanceAfterCents(), entry.getAt());
        wallets.save(wallet);
    }

    @ResetHandler
    void reset() {
        entries.deleteAllInBatch();
        wallets.deleteAllInBatch();
    }
}
