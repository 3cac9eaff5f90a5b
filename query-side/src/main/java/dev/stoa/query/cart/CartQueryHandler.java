package dev.stoa.query.cart;

import dev.stoa.api.cart.CartItemType;
import dev.stoa.api.cart.CartView;
import dev.stoa.api.cart.CouponTerms;
import dev.stoa.api.cart.FindCart;
import dev.stoa.api.cart.pricing.Destination;
import dev.stoa.api.cart.pricing.PricedLine;
import dev.stoa.api.cart.pricing.PricingRules;
import dev.stoa.api.cart.pricing.Quote;
import dev.stoa.api.cart.pricing.TaxClass;
import dev.stoa.projection.cart.CartEntity;
import dev.stoa.projection.cart.CartLineEntity;
import dev.stoa.projection.cart.CartLineViewRepository;
import dev.stoa.projection.cart.CartViewRepository;
import dev.stoa.projection.cart.CouponEntity;
import dev.stoa.projection.cart.CouponRedemptionViewRepository;
import dev.stoa.projection.cart.CouponViewRepository;
import dev.stoa.projection.catalog.ProductEntity;
import dev.stoa.projection.learning.EnrollmentCourseEntity;
import dev.stoa.projection.learning.EnrollmentCourseViewRepository;
import dev.stoa.projection.catalog.ProductViewRepository;
import dev.stoa.projection.identity.AddressEntity;
import dev.stoa.projection.identity.AddressViewRepository;
import dev.stoa.projection.inventory.InventoryEntity;
import dev.stoa.projection.inventory.InventoryViewRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prices the user's cart on every read, with current product prices, the coupon re-checked now, and the pricing
 * rules of {@code stoa.pricing.*} for the destination. Answers null when {@code shippingAddressId} is not an address
 * of this user (the controller makes that a 404).
 */
@Component
@Transactional(readOnly = true)
public class CartQueryHandler {
    private final CartLineViewRepository lines;
    private final CartViewRepository carts;
    private final CouponViewRepository coupons;
    private final CouponRedemptionViewRepository redemptions;
    private final ProductViewRepository products;
    private final EnrollmentCourseViewRepository courses;
    private final AddressViewRepository addresses;
    private final PricingRules pricing;
    private final Clock clock;
    private final InventoryViewRepository inventories;

    public CartQueryHandler(CartLineViewRepository lines, CartViewRepository carts, CouponViewRepository coupons,
                            CouponRedemptionViewRepository redemptions, ProductViewRepository products,
                            EnrollmentCourseViewRepository courses, AddressViewRepository addresses, PricingRules pricing,
                            Optional<Clock> clock, InventoryViewRepository inventories) {
        this.inventories = inventories;
        this.courses = courses;
        this.lines = lines;
        this.carts = carts;
        this.coupons = coupons;
        this.redemptions = redemptions;
        this.products = products;
        this.addresses = addresses;
        this.pricing = pricing;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @QueryHandler
    public CartView handle(FindCart query) {
        String userId = query.userId().value();
        CartView.Destination destination = destination(userId, query.shippingAddressId());
        if (destination == null) return null;

        List<CartLineEntity> rows = lines.findByUserIdOrderByAddedAtAscItemIdAsc(userId);
        Map<String, ProductEntity> byId = products.findAllById(rows.stream()
                        .filter(r -> !CartItemType.COURSE.value().equals(r.getItemType())).map(CartLineEntity::getItemId).toList())
                .stream().collect(Collectors.toMap(ProductEntity::getId, Function.identity()));
        Map<String, EnrollmentCourseEntity> coursesById = courses.findAllById(rows.stream()
                        .filter(r -> CartItemType.COURSE.value().equals(r.getItemType())).map(CartLineEntity::getItemId).toList())
                .stream().collect(Collectors.toMap(EnrollmentCourseEntity::getCourseId, Function.identity()));
        String currency = rows.stream().map(r -> CartItemType.COURSE.value().equals(r.getItemType())
                        ? Optional.ofNullable(coursesById.get(r.getItemId())).map(EnrollmentCourseEntity::getCurrency).orElse(null)
                        : Optional.ofNullable(byId.get(r.getItemId())).map(ProductEntity::getCurrency).orElse(null))
                .filter(c -> c != null).findFirst().orElse(pricing.defaultCurrency());

        // what is in stock now: a line asking for more than is available would be refused at checkout (409
        // insufficient_stock), so it is no more purchasable than a product off sale (it showed purchasable and counted
        // in the total before 2026-12-07; found by a walkthrough); a product with no inventory yet is not judged here
        Map<String, Integer> available = byId.isEmpty() ? Map.of() : inventories.findAllById(byId.keySet()).stream()
                .collect(Collectors.toMap(InventoryEntity::getProductId, InventoryEntity::getAvailable));
        List<CartView.Line> items = new ArrayList<>();
        List<PricedLine> priced = new ArrayList<>();
        for (CartLineEntity row : rows) {
            if (CartItemType.COURSE.value().equals(row.getItemType())) { // no weight, no shipping, its own tax class
                EnrollmentCourseEntity c = coursesById.get(row.getItemId());
                boolean purchasable = c != null && c.isOpen() && currency.equals(c.getCurrency());
                long unit = c == null ? 0 : c.getPriceCents();
                items.add(new CartView.Line(row.getItemType(), row.getItemId(), c == null ? null : c.getTitle(),
                        row.getQuantity(), unit, Math.multiplyExact(unit, (long) row.getQuantity()), TaxClass.COURSE.value(),
                        null, purchasable));
                if (purchasable) priced.add(new PricedLine(row.getItemId(), unit, row.getQuantity(), TaxClass.COURSE, 0));
                continue;
            }
            ProductEntity p = byId.get(row.getItemId());
            boolean purchasable = p != null && p.isActive() && currency.equals(p.getCurrency())
                    && available.getOrDefault(row.getItemId(), Integer.MAX_VALUE) >= row.getQuantity();
            long unit = p == null ? 0 : p.getPriceCents();
            TaxClass taxClass = TaxClass.ofProduct(p == null ? null : p.getWeightGrams());
            Integer grams = p == null ? null : p.getWeightGrams();
            items.add(new CartView.Line(row.getItemType(), row.getItemId(), p == null ? null : p.getName(),
                    row.getQuantity(), unit, Math.multiplyExact(unit, (long) row.getQuantity()), taxClass.value(), grams,
                    purchasable));
            if (purchasable)
                priced.add(new PricedLine(row.getItemId(), unit, row.getQuantity(), taxClass, grams == null ? 0 : grams));
        }
        long subtotal = priced.stream().mapToLong(PricedLine::totalCents).sum();

        String code = carts.findById(userId).map(CartEntity::getCouponCode).orElse(null);
        long discount = 0;
        Boolean applies = null;
        String note = null;
        if (code != null) {
            CouponEntity coupon = coupons.findById(code).orElse(null);
            Optional<String> why;
            if (coupon == null) why = Optional.of("the coupon does not exist");
            else if (!coupon.isActive()) why = Optional.of("the coupon is no longer active");
            else {
                CouponTerms terms = coupon.terms();
                why = terms.notApplicable(currency, subtotal, clock.instant())
                        .or(() -> terms.exhaustedFor(coupon.getRedemptions(), redemptions.countByCodeAndUserId(code, userId)));
                if (why.isEmpty()) discount = terms.discountOn(subtotal);
            }
            applies = why.isEmpty();
            note = why.orElse(null);
        }
        Quote quote = pricing.price(priced, discount,
                new Destination(destination.countryCode(), destination.state()));
        return new CartView(items, quote.subtotalCents(), quote.discountCents(), quote.taxCents(), quote.shippingCents(),
                quote.totalCents(), currency, code, applies, note, destination);
    }

    private CartView.Destination destination(String userId, String addressId) {
        if (addressId != null) {
            return addresses.findById(new AddressEntity.Key(userId, addressId))
                    .map(a -> new CartView.Destination(a.getCountryCode(), a.getState(), "address", a.getId()))
                    .orElse(null);
        }
        return addresses.findByUserIdOrderByIsDefaultDescUpdatedAtAsc(userId).stream().filter(AddressEntity::isDefault)
                .findFirst()
                .map(a -> new CartView.Destination(a.getCountryCode(), a.getState(), "default_address", a.getId()))
                .orElseGet(() -> new CartView.Destination(pricing.origin().countryCode(), pricing.origin().state(),
                        "origin", null));
    }
}
