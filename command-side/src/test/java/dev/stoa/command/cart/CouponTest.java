package dev.stoa.command.cart;

import static dev.stoa.command.cart.CartTest.hasCode;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.stoa.api.cart.*;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.command.platform.UniqueKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Coupon aggregate: creation, limits enforced exactly, idempotent redemption and release. */
class CouponTest {
    private final UserId ann = UserId.random();
    private final UserId bob = UserId.random();
    private final OrderId o1 = OrderId.random();
    private final OrderId o2 = OrderId.random();
    private final OrderId o3 = OrderId.random();
    private final CouponTerms terms = new CouponTerms("SPRING", 15, null, "USD", null,
            Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"), 2, 1);
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");
    private FixtureConfiguration<Coupon> fixture;
    private UniqueKeys keys;

    @BeforeEach
    void setUp() {
        keys = mock(UniqueKeys.class);
        when(keys.claim(anyString(), anyString(), anyString())).thenReturn(true);
        fixture = new AggregateTestFixture<>(Coupon.class);
        fixture.registerInjectableResource(keys);
    }

    @Test
    void whenCreate_thenCodeNormalised_andDuplicateRefused() {
        CouponTerms lower = new CouponTerms(" spring ", 15, null, "USD", null, terms.validFrom(), terms.validUntil(), 2, 1);
        fixture.givenCurrentTime(APRIL).when(new CreateCoupon(lower)).expectEvents(new CouponCreated("SPRING", terms));
        when(keys.exists(anyString(), anyString())).thenReturn(true);
        fixture.givenCurrentTime(APRIL).when(new CreateCoupon(terms)).expectException(hasCode("duplicate_coupon"));
    }

    @Test
    void whenCreateWithBothKinds_thenValidationFailed() {
        fixture.givenCurrentTime(APRIL)
                .when(new CreateCoupon(new CouponTerms("BOTH", 10, 100L, "USD", null, null, null, null, null)))
                .expectException(hasCode("validation_failed"));
    }

    @Test
    void givenCoupon_whenRedeem_thenCounted_andSameOrderIsIdempotent() {
        fixture.givenCurrentTime(APRIL).andGiven(new CouponCreated("SPRING", terms))
                .when(new RedeemCoupon("spring", ann, o1))
                .expectEvents(new CouponRedeemed("SPRING", ann, o1, 1, 1))
                .expectResultMessagePayload(terms);
        fixture.givenCurrentTime(APRIL).andGiven(new CouponCreated("SPRING", terms), new CouponRedeemed("SPRING", ann, o1, 1, 1))
                .when(new RedeemCoupon("SPRING", ann, o1))
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void givenLimits_whenRedeemPastThem_thenExhausted() {
        // per user: ann has used her one
        fixture.givenCurrentTime(APRIL).andGiven(new CouponCreated("SPRING", terms), new CouponRedeemed("SPRING", ann, o1, 1, 1))
                .when(new RedeemCoupon("SPRING", ann, o2))
                .expectException(hasCode("coupon_exhausted")).expectNoEvents();
        // in total: two of two used
        fixture.givenCurrentTime(APRIL).andGiven(new CouponCreated("SPRING", terms), new CouponRedeemed("SPRING", ann, o1, 1, 1),
                        new CouponRedeemed("SPRING", bob, o2, 2, 1))
                .when(new RedeemCoupon("SPRING", UserId.random(), o3))
                .expectException(hasCode("coupon_exhausted"));
    }

    @Test
    void givenRedemption_whenReleased_thenUsableAgain_andReleaseTwiceChangesNothing() {
        fixture.givenCurrentTime(APRIL).andGiven(new CouponCreated("SPRING", terms), new CouponRedeemed("SPRING", ann, o1, 1, 1))
                .when(new ReleaseCouponRedemption("SPRING", o1))
                .expectEvents(new CouponRedemptionReleased("SPRING", ann, o1, 0));
        fixture.givenCurrentTime(APRIL).andGiven(new CouponCreated("SPRING", terms), new CouponRedeemed("SPRING", ann, o1, 1, 1),
                        new CouponRedemptionReleased("SPRING", ann, o1, 0))
                .when(new RedeemCoupon("SPRING", ann, o2))
                .expectEvents(new CouponRedeemed("SPRING", ann, o2, 1, 1));
        fixture.givenCurrentTime(APRIL).andGiven(new CouponCreated("SPRING", terms), new CouponRedeemed("SPRING", ann, o1, 1, 1),
                        new CouponRedemptionReleased("SPRING", ann, o1, 0))
                .when(new ReleaseCouponRedemption("SPRING", o1))
                .expectNoEvents();
    }

    @Test
    void givenInactiveOrOutsideWindow_whenRedeem_thenNotApplicable() {
        fixture.givenCurrentTime(APRIL).andGiven(new CouponCreated("SPRING", terms), new CouponDeactivated("SPRING"))
                .when(new RedeemCoupon("SPRING", ann, o1))
                .expectException(hasCode("coupon_not_applicable"));
        fixture.givenCurrentTime(Instant.parse("2026-06-01T00:00:00Z")).andGiven(new CouponCreated("SPRING", terms))
                .when(new RedeemCoupon("SPRING", ann, o1))
                .expectException(hasCode("coupon_not_applicable"));
    }

    @Test
    void givenCoupon_whenDeactivateTwice_thenOneEvent() {
        fixture.givenCurrentTime(APRIL).andGiven(new CouponCreated("SPRING", terms)).when(new DeactivateCoupon("spring"))
                .expectEvents(new CouponDeactivated("SPRING"));
        fixture.givenCurrentTime(APRIL).andGiven(new CouponCreated("SPRING", terms), new CouponDeactivated("SPRING")).when(new DeactivateCoupon("SPRING"))
                .expectNoEvents();
    }
}
