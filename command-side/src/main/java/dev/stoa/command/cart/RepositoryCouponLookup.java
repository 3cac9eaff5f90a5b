package dev.stoa.command.cart;

import dev.stoa.api.cart.CartIds;
import dev.stoa.api.identity.UserId;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Loads the Coupon aggregate in the cart command's unit of work (so the answer is the aggregate's, not a read model's). */
@Component
class RepositoryCouponLookup implements CouponLookup {
    private final Repository<Coupon> coupons;

    RepositoryCouponLookup(@Lazy Repository<Coupon> coupons) { this.coupons = coupons; }

    @Override
    public Optional<CouponState> find(String code, UserId userId) {
        if (!CartIds.isValidCode(code)) return Optional.empty();
        try {
            return Optional.of(coupons.load(CartIds.coupon(code)).invoke(c -> c.stateFor(userId)));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
