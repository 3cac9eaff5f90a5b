package dev.stoa.projection.wallet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of one ledger entry, keyed by the id of the event that made it (a replay writes the same rows). */
@Entity
@Table(name = "wallet_entry_view")
public class WalletEntryEntity {
    public static final String TOPUP = "topup";
    public static final String DEBIT = "debit";
    public static final String REFUND = "refund";

    @Id
    @Column(name = "event_id") private String eventId;
    @Column(name = "user_id") private String userId;
    private String type;
    @Column(name = "amount_cents") private long amountCents;
    private String reference;
    @Column(name = "order_id") private String orderId;
    @Column(name = "balance_after_cents") private long balanceAfterCents;
    private Instant at;
    private long seq;

    protected WalletEntryEntity() {}

    public WalletEntryEntity(String eventId, String userId, String type, long amountCents, String reference,
                             String orderId, long balanceAfterCents, Instant at, long seq) {
        this.eventId = eventId;
        this.userId = userId;
        this.type = type;
        this.amountCents = amountCents;
        this.reference = reference;
        this.orderId = orderId;
        this.balanceAfterCents = balanceAfterCents;
        this.at = at;
        this.seq = seq;
    }

    public String getEventId() { return eventId; }
    public String getUserId() { return userId; }
    public String getType() { return type; }
    public long getAmountCents() { return amountCents; }
    public String getReference() { return reference; }
    public String getOrderId() { return orderId; }
    public long getBalanceAfterCents() { return balanceAfterCents; }
    public Instant getAt() { return at; }
    public long getSeq() { return seq; }
}
