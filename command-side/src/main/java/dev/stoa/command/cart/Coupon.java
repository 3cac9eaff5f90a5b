package dev.stoa.command.cart;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.cart.*;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.cart.CouponLookup.CouponState;
import dev.stoa.command.platform.SnapshotState;
import dev.stoa.command.platform.UniqueKeys;
import java.util.LinkedHashMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A coupon code and its redemptions. One consistency boundary, so its limits hold exactly however many checkouts
 * race for it: the open redemptions are kept per order (an order redeems once; its release gives it back).
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@Revision("1")
@SnapshotState
public class Coupon {
    static final String CODE_KEY = "coupon-code";

    @AggregateIdentifier
    private String couponId;
    private CouponTerms terms;
    private boolean active;
    /** Open redemptions: order id to user id. */
    private LinkedHashMap<String, String> redemptions = new LinkedHashMap<>();

    protected Coupon() {}

    @CommandHandler
    public Coupon(CreateCoupon cmd, UniqueKeys keys) {
        CouponTerms t = normalised(cmd.terms());
        var problems = t.problems();
        if (!problems.isEmpty())
            throw DomainException.badInput(problems.get(0)[0] + ": " + problems.get(0)[1]);
        // the owner is the coupon's own id, which a second creation shares: a claim that exists already refuses it
        if (keys.exists(CODE_KEY, t.code()) || !keys.claim(CODE_KEY, t.code(), CartIds.coupon(t.code())))
            throw new DomainException(ErrorCode.DUPLICATE_COUPON, "a coupon with the code " + t.code() + " exists");
        apply(new CouponCreated(t.code(), t));
    }

    @CommandHandler
    void handle(DeactivateCoupon cmd) {
        if (active) apply(new CouponDeactivated(terms.code()));
    }

    @CommandHandler
    CouponTerms handle(RedeemCoupon cmd) {
        if (cmd.userId() == null || cmd.orderId() == null) throw DomainException.badInput("userId and orderId are required");
        String order = cmd.orderId().value();
        if (redemptions.containsKey(order)) {
            if (!redemptions.get(order).equals(cmd.userId().value()))
                throw DomainException.badInput("order " + order + " redeemed this coupon for another user");
            return terms; // idempotent per order
        }
        if (!active) throw new DomainException(ErrorCode.COUPON_NOT_APPLICABLE, "the coupon is no longer active");
        var now = GenericEventMessage.clock.instant();
        if (terms.validFrom() != null && now.isBefore(terms.validFrom()) || terms.validUntil() != null && !now.isBefore(terms.validUntil()))
            throw new DomainException(ErrorCode.COUPON_NOT_APPLICABLE, "the coupon is outside its validity window");
        int mine = userRedemptions(cmd.userId());
        terms.exhaustedFor(redemptions.size(), mine).ifPresent(why -> {
            throw new DomainException(ErrorCode.COUPON_EXHAUSTED, "the coupon cannot be redeemed: " + why);
        });
        apply(new CouponRedeemed(terms.code(), cmd.userId(), cmd.orderId(), redemptions.size() + 1, mine + 1));
        return terms;
    }

    /** The terms, as the checkout prices an order with them before it redeems the coupon. */
    @CommandHandler
    CouponTerms handle(ReadCouponTerms cmd) { return terms; }

    @CommandHandler
    void handle(ReleaseCouponRedemption cmd) {
        if (cmd.orderId() == null) throw DomainException.badInput("orderId is required");
        String user = redemptions.get(cmd.orderId().value());
        if (user != null)
            apply(new CouponRedemptionReleased(terms.code(), new UserId(user), cmd.orderId(), redemptions.size() - 1));
    }

    /** What a cart sees of this coupon for one user. */
    CouponState stateFor(UserId userId) {
        return new CouponState(terms, active, redemptions.size(), userRedemptions(userId));
    }

    private int userRedemptions(UserId userId) {
        return (int) redemptions.values().stream().filter(userId.value()::equals).count();
    }

    private static CouponTerms normalised(CouponTerms t) {
        if (t == null) throw DomainException.badInput("the coupon's terms are required");
        return new CouponTerms(t.code() == null ? null : CartIds.normaliseCode(t.code()), t.percentOff(),
                t.amountOffCents(), t.currency(), t.minSubtotalCents(), t.validFrom(), t.validUntil(), t.maxRedemptions(),
                t.maxRedemptionsPerUser());
    }

    @EventSourcingHandler
    void on(CouponCreated e) {
        couponId = CartIds.coupon(e.code());
        terms = e.terms();
        active = true;
    }

    @EventSourcingHandler
    void on(CouponDeactivated e) { active = false; }

    @EventSourcingHandler
    void on(CouponRedeemed e) { redemptions.put(e.orderId().value(), e.userId().value()); }

    @EventSourcingHandler
    void on(CouponRedemptionReleased e) { redemptions.remove(e.orderId().value()); }
}
