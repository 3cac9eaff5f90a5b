package dev.stoa.projection.wallet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of one voucher as admins list it: never its code, only the hint. Expired is decided when asked. */
@Entity
@Table(name = "voucher_view")
public class VoucherEntity {
    @Id
    @Column(name = "voucher_id") private String voucherId;
    @Column(name = "batch_id") private String batchId;
    @Column(name = "amount_cents") private long amountCents;
    private String currency;
    @Column(name = "expires_at") private Instant expiresAt;
    private String hint;
    @Column(name = "redeemed_by") private String redeemedBy;
    @Column(name = "redeemed_at") private Instant redeemedAt;
    @Column(name = "created_at") private Instant createdAt;
    @Column(name = "revoked_at") private Instant revokedAt;

    protected VoucherEntity() {}

    public VoucherEntity(String voucherId, String batchId, long amountCents, String currency, Instant expiresAt,
                         String hint, Instant createdAt) {
        this.voucherId = voucherId;
        this.batchId = batchId;
        this.amountCents = amountCents;
        this.currency = currency;
        this.expiresAt = expiresAt;
        this.hint = hint;
        this.createdAt = createdAt;
    }

    public void redeemed(String userId, Instant at) {
        redeemedBy = userId;
        redeemedAt = at;
    }

    public void revoked(Instant at) { revokedAt = at; }

    /** active, redeemed, revoked or expired, as of {@code now}. */
    public String state(Instant now) {
        if (redeemedAt != null) return "redeemed";
        if (revokedAt != null) return "revoked";
        return now.isBefore(expiresAt) ? "active" : "expired";
    }

    public String getVoucherId() { return voucherId; }
    public String getBatchId() { return batchId; }
    public long getAmountCents() { return amountCents; }
    public String getCurrency() { return currency; }
    public Instant getExpiresAt() { return expiresAt; }
    public String getHint() { return hint; }
    public String getRedeemedBy() { return redeemedBy; }
    public Instant getRedeemedAt() { return redeemedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getRevokedAt() { return revokedAt; }
}
