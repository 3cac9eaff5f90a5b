package dev.stoa.query.cart;

import dev.stoa.api.cart.FindCoupon;
import dev.stoa.api.cart.FindCoupons;
import dev.stoa.api.cart.CouponTerms;
import dev.stoa.projection.cart.CouponEntity;
import dev.stoa.projection.cart.CouponViewRepository;
import dev.stoa.query.platform.OffsetPage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Lists coupons for admins, newest first, with their open redemption counts. */
@Component
@Transactional(readOnly = true)
public class CouponQueryHandler {
    private final CouponViewRepository coupons;

    public CouponQueryHandler(CouponViewRepository coupons) { this.coupons = coupons; }

    @QueryHandler
    public FindCoupons.Result handle(FindCoupons query) {
        Page<CouponEntity> page = coupons.findAllByOrderByCreatedAtDescCodeAsc(
                new OffsetPage(query.offset(), query.limit(), Sort.unsorted()));
        return new FindCoupons.Result(page.map(CouponQueryHandler::view).getContent(), page.getTotalElements(),
                query.limit(), query.offset());
    }

    @QueryHandler
    public FindCoupons.CouponView handle(FindCoupon query) {
        return coupons.findById(query.code()).map(CouponQueryHandler::view).orElse(null);
    }

    private static FindCoupons.CouponView view(CouponEntity c) {
        CouponTerms t = c.terms();
        return new FindCoupons.CouponView(t.code(), t.percentOff(), t.amountOffCents(), t.currency(), t.minSubtotalCents(),
                t.validFrom(), t.validUntil(), t.maxRedemptions(), t.maxRedemptionsPerUser(), c.isActive(),
                c.getRedemptions(), c.getCreatedAt());
    }
}
