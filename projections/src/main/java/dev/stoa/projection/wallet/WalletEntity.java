package dev.stoa.projection.wallet;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of one wallet: its balance after the latest ledger entry. */
@Entity
@Table(name = "wallet_view")
public class WalletEntity {
    @Id
    @Column(name = "user_id") private String userId;
    private String currency;
    @Column(name = "balance_cents") private long balanceCents;
    @Column(name = "updated_at") private Instant updatedAt;

    protected WalletEntity() {}

    public WalletEntity(String userId, String currency) {
        this.userId = userId;
        this.currency = currency;
    }

    public void balance(long balanceCents, Instant at) {
        this.balanceCents = balanceCents;
        this.updatedAt = at;
    }

    public String getUserId() { return userId; }
    public String getCurrency() { return currency; }
    public long getBalanceCents() { return balanceCents; }
    public Instant getUpdatedAt() { return updatedAt; }
}
