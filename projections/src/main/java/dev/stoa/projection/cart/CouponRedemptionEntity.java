package dev.stoa.projection.cart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of one open redemption of a coupon (by an order of a user). */
@Entity
@Table(name = "coupon_redemption_view")
public class CouponRedemptionEntity {
    @Id
    private String id;
    private String code;
    @Column(name = "user_id") private String userId;
    @Column(name = "order_id") private String orderId;
    @Column(name = "redeemed_at") private Instant redeemedAt;

    protected CouponRedemptionEntity() {}

    public CouponRedemptionEntity(String code, String userId, String orderId, Instant at) {
        this.id = key(code, orderId);
        this.code = code;
        this.userId = userId;
        this.orderId = orderId;
        this.redeemedAt = at;
    }

    public static String key(String code, String orderId) { return code + ":" + orderId; }
}
