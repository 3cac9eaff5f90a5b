package dev.stoa.projection.cart;

import dev.stoa.api.cart.CouponTerms;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of one coupon with its open redemption count. */
@Entity
@Table(name = "coupon_view")
public class CouponEntity {
    @Id
    private String code;
    @Column(name = "percent_off") private Integer percentOff;
    @Column(name = "amount_off_cents") private Long amountOffCents;
    private String currency;
    @Column(name = "min_subtotal_cents") private Long minSubtotalCents;
    @Column(name = "valid_from") private Instant validFrom;
    @Column(name = "valid_until") private Instant validUntil;
    @Column(name = "max_redemptions") private Integer maxRedemptions;
    @Column(name = "max_redemptions_per_user") private Integer maxRedemptionsPerUser;
    private boolean active;
    private int redemptions;
    @Column(name = "created_at") private Instant createdAt;

    protected CouponEntity() {}

    public CouponEntity(CouponTerms t, Instant at) {
        code = t.code();
        percentOff = t.percentOff();
        amountOffCents = t.amountOffCents();
        currency = t.currency();
        minSubtotalCents = t.minSubtotalCents();
        validFrom = t.validFrom();
        validUntil = t.validUntil();
        maxRedemptions = t.maxRedemptions();
        maxRedemptionsPerUser = t.maxRedemptionsPerUser();
        active = true;
        createdAt = at;
    }

    public CouponTerms terms() {
        return new CouponTerms(code, percentOff, amountOffCents, currency, minSubtotalCents, validFrom, validUntil,
                maxRedemptions, maxRedemptionsPerUser);
    }

    public void deactivate() { active = false; }

    public void redemptions(int count) { redemptions = count; }

    public String getCode() { return code; }
    public boolean isActive() { return active; }
    public int getRedemptions() { return redemptions; }
    public Instant getCreatedAt() { return createdAt; }
}
