package dev.stoa.projection.cart;

import dev.stoa.api.cart.*;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Builds {@code cart_line_view} and {@code cart_view}: every user's cart lines and coupon. */
@Component
@ProcessingGroup(CartProjection.NAME)
public class CartProjection {
    public static final String NAME = "cart-read-model";
    private final CartLineViewRepository lines;
    private final CartViewRepository carts;

    public CartProjection(CartLineViewRepository lines, CartViewRepository carts) {
        this.lines = lines;
        this.carts = carts;
    }

    @EventHandler
    void on(CartItemAdded e, @Timestamp Instant at) {
        lines.save(new CartLineEntity(e.userId().value(), e.itemType().value(), e.itemId(), e.quantity(), at));
    }

    @EventHandler
    void on(CartItemQuantityChanged e, @Timestamp Instant at) {
        lines.findById(CartLineEntity.key(e.userId().value(), e.itemId())).ifPresent(l -> l.quantity(e.quantity(), at));
    }

    @EventHandler
    void on(CartItemRemoved e) { lines.deleteById(CartLineEntity.key(e.userId().value(), e.itemId())); }

    @EventHandler
    void on(CartCleared e, @Timestamp Instant at) { empty(e.userId().value(), at); }

    @EventHandler
    void on(CartCheckedOut e, @Timestamp Instant at) { empty(e.userId().value(), at); }

    @EventHandler
    void on(CartCheckoutUndone e, @Timestamp Instant at) {
        String user = e.userId().value();
        // the lines come back in their order, after those added meanwhile, as the cart itself keeps them: one instant
        // for all listed them by item id, so the discount's leftover cents could go to another line than at the
        // checkout's pricing (a refused checkout reordered the cart before 2026-12-07; walkthrough Z39)
        int i = 0;
        for (CartContents.Line line : e.lines()) {
            Instant added = at.plus(i++, java.time.temporal.ChronoUnit.MICROS);
            lines.findById(CartLineEntity.key(user, line.itemId())).ifPresentOrElse(l -> l.quantity(line.quantity(), at),
                    () -> lines.save(new CartLineEntity(user, line.itemType().value(), line.itemId(), line.quantity(), added)));
        }
        if (e.couponCode() != null) cart(user, at).coupon(e.couponCode(), at);
    }

    @EventHandler
    void on(CouponAppliedToCart e, @Timestamp Instant at) { cart(e.userId().value(), at).coupon(e.code(), at); }

    @EventHandler
    void on(CouponRemovedFromCart e, @Timestamp Instant at) { cart(e.userId().value(), at).coupon(null, at); }

    private void empty(String userId, Instant at) {
        lines.deleteByUser(userId);
        cart(userId, at).coupon(null, at);
    }

    private CartEntity cart(String userId, Instant at) {
        return carts.findById(userId).orElseGet(() -> carts.save(new CartEntity(userId, at)));
    }

    @ResetHandler
    void reset() {
        lines.deleteAllInBatch();
        carts.deleteAllInBatch();
    }
}
