package dev.stoa.projection.cart;

import dev.stoa.api.cart.*;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Builds {@code coupon_view} and {@code coupon_redemption_view}: coupons, their counts and open redemptions. */
@Component
@ProcessingGroup(CouponProjection.NAME)
public class CouponProjection {
    public static final String NAME = "coupon-read-model";
    private final CouponViewRepository coupons;
    private final CouponRedemptionViewRepository redemptions;

    public CouponProjection(CouponViewRepository coupons, CouponRedemptionViewRepository redemptions) {
        this.coupons = coupons;
        this.redemptions = redemptions;
    }

    @EventHandler
    void on(CouponCreated e, @Timestamp Instant at) { coupons.save(new CouponEntity(e.terms(), at)); }

    @EventHandler
    void on(CouponDeactivated e) { coupons.getReferenceById(e.code()).deactivate(); }

    @EventHandler
    void on(CouponRedeemed e, @Timestamp Instant at) {
        redemptions.save(new CouponRedemptionEntity(e.code(), e.userId().value(), e.orderId().value(), at));
        coupons.getReferenceById(e.code()).redemptions(e.redemptions());
    }

    @EventHandler
    void on(CouponRedemptionReleased e) {
        redemptions.deleteById(CouponRedemptionEntity.key(e.code(), e.orderId().value()));
        coupons.getReferenceById(e.code()).redemptions(e.redemptions());
    }

    @ResetHandler
    void reset() {
        redemptions.deleteAllInBatch();
        coupons.deleteAllInBatch();
    }
}
