package dev.stoa.projection.cart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of a user's cart as a whole: the coupon applied to it. */
@Entity
@Table(name = "cart_view")
public class CartEntity {
    @Id
    @Column(name = "user_id") private String userId;
    @Column(name = "coupon_code") private String couponCode;
    @Column(name = "updated_at") private Instant updatedAt;

    protected CartEntity() {}

    public CartEntity(String userId, Instant at) {
        this.userId = userId;
        this.updatedAt = at;
    }

    public void coupon(String code, Instant at) {
        this.couponCode = code;
        this.updatedAt = at;
    }

    public String getUserId() { return userId; }
    public String getCouponCode() { return couponCode; }
}
