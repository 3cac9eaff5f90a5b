package dev.stoa.command.cart;

import dev.stoa.api.cart.*;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.DomainException;
import dev.stoa.command.cart.CouponLookup.CouponState;
import dev.stoa.api.learning.CourseId;
import dev.stoa.command.cart.ItemCatalog.CourseOffer;
import dev.stoa.command.cart.ItemCatalog.ProductFacts;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Cart aggregate: lines, quantities against stock, currency, coupons applied and re-checked. */
class CartTest {
    private final UserId user = UserId.random();
    private final String cartId = CartIds.cart(user);
    private final String mug = ProductId.random().value();
    private final String ebook = ProductId.random().value();
    private final String euroBook = ProductId.random().value();
    private final String unlisted = ProductId.random().value();
    private final Map<String, ProductFacts> products = new HashMap<>();
    private final Map<String, Integer> stock = new HashMap<>();
    private final UserId vendor = UserId.random();
    private final Map<String, CouponState> coupons = new HashMap<>();
    private final Map<String, CourseOffer> courses = new HashMap<>();
    private final java.util.Set<String> owned = new java.util.HashSet<>();
    private final String course = CourseId.random().value();
    private final String archivedCourse = CourseId.random().value();
    private final String ownedCourse = CourseId.random().value();
    private final String euroCourse = CourseId.random().value();
    private FixtureConfiguration<Cart> fixture;

    @BeforeEach
    void setUp() {
        product(mug, new ProductFacts("Mug", "MUG-1", vendor, 1_250, "USD", 400, true), 5);
        product(ebook, new ProductFacts("E-book", "EBOOK-1", vendor, 999, "USD", null, true), 1_000);
        product(euroBook, new ProductFacts("Buch", "BUCH-1", vendor, 1_500, "EUR", null, true), 10);
        product(unlisted, new ProductFacts("Gone", "GONE-1", vendor, 100, "USD", 10, false), 10);
        courses.put(course, new CourseOffer("Sourdough", vendor, 4_900, "USD", true));
        courses.put(archivedCourse, new CourseOffer("Old", vendor, 1_000, "USD", false));
        courses.put(ownedCourse, new CourseOffer("Mine", vendor, 1_000, "USD", true));
        courses.put(euroCourse, new CourseOffer("Brot", vendor, 1_000, "EUR", true));
        owned.add(user.value() + ":" + ownedCourse);
        fixture = new AggregateTestFixture<>(Cart.class);
        fixture.registerInjectableResource(new ItemCatalog() {
            @Override
            public Optional<ProductFacts> product(ProductId id) { return Optional.ofNullable(products.get(id.value())); }

            @Override
            public int available(ProductId id) { return stock.getOrDefault(id.value(), 0); }

            @Override
            public Optional<CourseOffer> course(CourseId id) { return Optional.ofNullable(courses.get(id.value())); }

            @Override
            public boolean owns(UserId u, CourseId id) { return owned.contains(u.value() + ":" + id.value()); }
        });
        fixture.registerInjectableResource((CouponLookup) (code, u) -> Optional.ofNullable(coupons.get(CartIds.normaliseCode(code))));
    }

    private void product(String id, ProductFacts facts, int available) {
        products.put(id, facts);
        stock.put(id, available);
    }

    private CartItemAdded added(String id, int quantity) {
        return new CartItemAdded(cartId, user, CartItemType.PRODUCT, id, quantity);
    }

    private static CouponTerms percent(String code, int pct, Long min, Instant from, Instant until) {
        return new CouponTerms(code, pct, null, "USD", min, from, until, null, 2);
    }

    @Test
    void givenNoCart_whenAddProduct_thenCartOpensWithTheLine() {
        fixture.givenNoPriorActivity()
                .when(new AddCartItem(user, CartItemType.PRODUCT, mug, 2))
                .expectEvents(added(mug, 2));
    }

    @Test
    void givenLine_whenAddSameProduct_thenQuantityAddsUp() {
        fixture.given(added(mug, 2))
                .when(new AddCartItem(user, CartItemType.PRODUCT, mug, 3))
                .expectEvents(new CartItemQuantityChanged(cartId, user, CartItemType.PRODUCT, mug, 5));
    }

    @Test
    void givenLine_whenAddBeyondAvailableStock_thenInsufficientStock() {
        fixture.given(added(mug, 2))
                .when(new AddCartItem(user, CartItemType.PRODUCT, mug, 4))
                .expectException(DomainException.class)
                .expectExceptionMessage("product " + mug + ": 6 asked, 5 available")
                .expectNoEvents();
    }

    @Test
    void whenAddUnknownUnlistedCourseOrZero_thenRefusedWithTheirCodes() {
        fixture.givenNoPriorActivity().when(new AddCartItem(user, CartItemType.PRODUCT, ProductId.random().value(), 1))
                .expectException(hasCode("not_found"));
        fixture.givenNoPriorActivity().when(new AddCartItem(user, CartItemType.PRODUCT, unlisted, 1))
                .expectException(hasCode("product_unavailable"));
        fixture.givenNoPriorActivity().when(new AddCartItem(user, CartItemType.COURSE, mug, 1))
                .expectException(hasCode("not_found"));
        fixture.givenNoPriorActivity().when(new AddCartItem(user, CartItemType.PRODUCT, mug, 0))
                .expectException(hasCode("validation_failed"));
    }

    @Test
    void givenProductLine_whenAddCourse_thenCourseLineOfOne() {
        fixture.given(added(mug, 1)).when(new AddCartItem(user, CartItemType.COURSE, course, 1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CartItemAdded(cartId, user, CartItemType.COURSE, course, 1));
    }

    @Test
    void givenCourseLine_whenAddItAgainOrChangeQuantity_thenRefused() {
        CartItemAdded courseAdded = new CartItemAdded(cartId, user, CartItemType.COURSE, course, 1);
        fixture.given(courseAdded).when(new AddCartItem(user, CartItemType.COURSE, course, 1))
                .expectException(hasCode("course_in_cart"));
        fixture.given(courseAdded).when(new ChangeCartItemQuantity(user, course, 2))
                .expectException(hasCode("validation_failed"));
        fixture.given(courseAdded).when(new RemoveCartItem(user, course))
                .expectEvents(new CartItemRemoved(cartId, user, CartItemType.COURSE, course));
    }

    @Test
    void whenAddOwnedArchivedForeignOrSeveralOfACourse_thenRefusedWithTheirCodes() {
        fixture.givenNoPriorActivity().when(new AddCartItem(user, CartItemType.COURSE, ownedCourse, 1))
                .expectException(hasCode("course_already_owned"));
        fixture.givenNoPriorActivity().when(new AddCartItem(user, CartItemType.COURSE, archivedCourse, 1))
                .expectException(hasCode("course_archived"));
        fixture.givenNoPriorActivity().when(new AddCartItem(user, CartItemType.COURSE, course, 2))
                .expectException(hasCode("validation_failed"));
        fixture.given(added(mug, 1)).when(new AddCartItem(user, CartItemType.COURSE, euroCourse, 1))
                .expectException(hasCode("currency_mismatch"));
        fixture.given(new CartItemAdded(cartId, user, CartItemType.COURSE, course, 1))
                .when(new AddCartItem(user, CartItemType.PRODUCT, euroBook, 1))
                .expectException(hasCode("currency_mismatch"));
    }

    @Test
    void givenUsdLine_whenAddEuroProduct_thenCurrencyMismatch() {
        fixture.given(added(mug, 1))
                .when(new AddCartItem(user, CartItemType.PRODUCT, euroBook, 1))
                .expectException(hasCode("currency_mismatch"));
    }

    @Test
    void givenLine_whenChangeQuantity_thenCheckedAgainstStock() {
        fixture.given(added(mug, 1))
                .when(new ChangeCartItemQuantity(user, mug, 5))
                .expectEvents(new CartItemQuantityChanged(cartId, user, CartItemType.PRODUCT, mug, 5));
        fixture.given(added(mug, 1))
                .when(new ChangeCartItemQuantity(user, mug, 6))
                .expectException(hasCode("insufficient_stock"));
        fixture.given(added(mug, 1))
                .when(new ChangeCartItemQuantity(user, ebook, 1))
                .expectException(hasCode("not_found"));
    }

    @Test
    void givenLines_whenRemoveAndClear_thenGone() {
        fixture.given(added(mug, 1), added(ebook, 1))
                .when(new RemoveCartItem(user, ebook))
                .expectEvents(new CartItemRemoved(cartId, user, CartItemType.PRODUCT, ebook));
        fixture.given(added(mug, 1), new CouponAppliedToCart(cartId, user, "TEN"))
                .when(new ClearCart(user))
                .expectEvents(new CartCleared(cartId, user));
        fixture.given(added(mug, 1), new CartCleared(cartId, user))
                .when(new ClearCart(user))
                .expectNoEvents();
    }

    @Test
    void givenCart_whenApplyCoupon_thenEveryRuleChecked() {
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        coupons.put("TEN", new CouponState(percent("TEN", 10, 2_000L, null, null), true, 0, 0));
        coupons.put("MIN", new CouponState(percent("MIN", 10, 2_501L, null, null), true, 0, 0));
        coupons.put("LATE", new CouponState(percent("LATE", 10, null, now.plusSeconds(60), null), true, 0, 0));
        coupons.put("OVER", new CouponState(percent("OVER", 10, null, null, now), true, 0, 0));
        coupons.put("USED", new CouponState(percent("USED", 10, null, null, null), true, 2, 2));
        coupons.put("OFF", new CouponState(percent("OFF", 10, null, null, null), false, 0, 0));
        coupons.put("EUR", new CouponState(new CouponTerms("EUR", null, 100L, "EUR", null, null, null, null, null), true, 0, 0));

        fixture.givenCurrentTime(now).andGiven(added(mug, 2)).when(new ApplyCoupon(user, " ten ")).expectEvents(new CouponAppliedToCart(cartId, user, "TEN"));
        fixture.givenCurrentTime(now).andGiven(added(mug, 2)).when(new ApplyCoupon(user, "MIN")).expectException(hasCode("coupon_not_applicable"))
                .expectExceptionMessage("the coupon does not apply: needs a subtotal of at least 2501 cents, the cart has 2500");
        fixture.givenCurrentTime(now).andGiven(added(mug, 2)).when(new ApplyCoupon(user, "LATE")).expectException(hasCode("coupon_not_applicable"));
        fixture.givenCurrentTime(now).andGiven(added(mug, 2)).when(new ApplyCoupon(user, "OVER")).expectException(hasCode("coupon_not_applicable"));
        fixture.givenCurrentTime(now).andGiven(added(mug, 2)).when(new ApplyCoupon(user, "OFF")).expectException(hasCode("coupon_not_applicable"));
        fixture.givenCurrentTime(now).andGiven(added(mug, 2)).when(new ApplyCoupon(user, "EUR")).expectException(hasCode("coupon_not_applicable"));
        fixture.givenCurrentTime(now).andGiven(added(mug, 2)).when(new ApplyCoupon(user, "USED")).expectException(hasCode("coupon_exhausted"));
        fixture.givenCurrentTime(now).andGiven(added(mug, 2)).when(new ApplyCoupon(user, "NOPE")).expectException(hasCode("coupon_not_found"));
        fixture.givenCurrentTime(now).when(new ApplyCoupon(user, "TEN")).expectException(hasCode("coupon_not_applicable"));
    }

    @Test
    void givenCoupon_whenRemoveCoupon_thenRemoved_andWithoutOne_notFound() {
        fixture.given(added(mug, 1), new CouponAppliedToCart(cartId, user, "TEN"))
                .when(new RemoveCoupon(user))
                .expectEvents(new CouponRemovedFromCart(cartId, user, "TEN"));
        fixture.given(added(mug, 1)).when(new RemoveCoupon(user)).expectException(hasCode("not_found"));
    }

    static org.hamcrest.Matcher<Object> hasCode(String code) {
        return new org.hamcrest.TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object item) { return item instanceof DomainException e && e.code().equals(code); }

            @Override
            public void describeTo(org.hamcrest.Description d) { d.appendText("a DomainException with code " + code); }
        };
    }
}
