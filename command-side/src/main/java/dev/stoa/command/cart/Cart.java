package dev.stoa.command.cart;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.cart.*;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.cart.CouponLookup.CouponState;
import dev.stoa.api.learning.CourseId;
import dev.stoa.command.cart.ItemCatalog.CourseOffer;
import dev.stoa.command.cart.ItemCatalog.ProductFacts;
import dev.stoa.command.platform.SnapshotState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user's cart: its lines (item type, item id, quantity) and the coupon applied to it. Opened by the first command
 * that changes something. Prices are not kept here: the cart view prices the lines when read, the checkout when it
 * snapshots them. The stock check here is for the user's benefit; the reservation at checkout is the hard one.
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@Revision("2") // 2: what checkouts took is kept as CartContents
@SnapshotState
public class Cart {
    /** Lines a cart may hold at most, and units per line. */
    static final int MAX_LINES = 100;
    static final int MAX_QUANTITY = 10_000;
    /** Checkouts whose take of the cart can still be undone: the latest ones, oldest dropped first. */
    static final int UNDOABLE_CHECKOUTS = 10;

    @AggregateIdentifier
    private String cartId;
    private UserId userId;
    private LinkedHashMap<String, Line> lines = new LinkedHashMap<>();
    private String couponCode;
    /** What each of the latest checkouts took ({@link CartCheckedOut}), by order id, until undone ({@link UndoCartCheckout}). */
    private LinkedHashMap<String, CartContents> checkouts = new LinkedHashMap<>();

    /** One line's state. */
    @SnapshotState
    static class Line {
        private CartItemType itemType;
        private int quantity;

        Line() {}

        Line(CartItemType itemType, int quantity) {
            this.itemType = itemType;
            this.quantity = quantity;
        }

        @Override
        public boolean equals(Object o) { return o instanceof Line l && l.itemType == itemType && l.quantity == quantity; }

        @Override
        public int hashCode() { return java.util.Objects.hash(itemType, quantity); }
    }

    protected Cart() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AddCartItem cmd, ItemCatalog catalog) {
        String id = requireItemId(cmd.itemType(), cmd.itemId());
        if (cmd.itemType() == CartItemType.COURSE) {
            addCourse(cmd, id, catalog);
            return;
        }
        Line line = lines.get(id);
        int quantity = line == null ? cmd.quantity() : Math.addExact(line.quantity, Math.max(cmd.quantity(), 0));
        requireQuantity(cmd.quantity());
        requireQuantity(quantity);
        if (line == null && lines.size() >= MAX_LINES)
            throw DomainException.badInput("a cart holds at most " + MAX_LINES + " lines");
        ProductFacts product = purchasable(catalog, id, quantity);
        requireSameCurrency(catalog, id, product.currency());
        if (line == null) apply(new CartItemAdded(CartIds.cart(cmd.userId()), cmd.userId(), cmd.itemType(), id, quantity));
        else apply(new CartItemQuantityChanged(cartId, userId, line.itemType, id, quantity));
    }

    /**
     * A course: published and open to new students, once per cart, quantity 1, never one the user has access to
     * already (the enrollment aggregate decides) nor one they teach, in the cart's currency. No stock, no shipping.
     */
    private void addCourse(AddCartItem cmd, String id, ItemCatalog catalog) {
        Line held = lines.get(id);
        // a line of this id that is a product is no course: the id names no course (it answered course_in_cart)
        if (held != null && held.itemType != CartItemType.COURSE) throw DomainException.notFound("course " + id);
        if (held != null) throw new DomainException(ErrorCode.COURSE_IN_CART, "course " + id + " is in the cart already");
        if (cmd.quantity() != 1) throw DomainException.badInput("quantity must be 1: a course is bought once");
        if (lines.size() >= MAX_LINES) throw DomainException.badInput("a cart holds at most " + MAX_LINES + " lines");
        CourseId courseId = new CourseId(id);
        CourseOffer course = catalog.course(courseId).orElseThrow(() -> DomainException.notFound("course " + id));
        if (!course.open()) throw new DomainException(ErrorCode.COURSE_ARCHIVED, "course " + id + " takes no new students");
        if (catalog.owns(cmd.userId(), courseId))
            throw new DomainException(ErrorCode.COURSE_ALREADY_OWNED, "you are enrolled in course " + id + " already");
        // its instructor reads every lesson as such: enrolled, they certified themselves and counted among its students
        // (before 2026-12-07; walkthrough Z8)
        if (cmd.userId().equals(course.instructorId()))
            throw new DomainException(ErrorCode.COURSE_ALREADY_OWNED, "you teach course " + id
                    + ": its instructor reads every lesson, and does not enroll in it");
        requireSameCurrency(catalog, id, course.currency());
        apply(new CartItemAdded(CartIds.cart(cmd.userId()), cmd.userId(), CartItemType.COURSE, id, 1));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChangeCartItemQuantity cmd, ItemCatalog catalog) {
        requireQuantity(cmd.quantity());
        Line line = requireLine(cmd.itemId());
        if (line.itemType == CartItemType.COURSE && cmd.quantity() != 1)
            throw DomainException.badInput("quantity must be 1: a course is bought once");
        if (line.quantity == cmd.quantity()) return;
        if (cmd.quantity() > line.quantity) purchasable(catalog, key(cmd.itemId()), cmd.quantity());
        apply(new CartItemQuantityChanged(cartId, userId, line.itemType, key(cmd.itemId()), cmd.quantity()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RemoveCartItem cmd) {
        Line line = requireLine(cmd.itemId());
        apply(new CartItemRemoved(cartId, userId, line.itemType, key(cmd.itemId())));
    }

    /** The cart as the checkout takes it; changes nothing (a missing cart is not found: the checkout reads it as empty). */
    @CommandHandler
    CartContents handle(ReadCartForCheckout cmd) { return contents(); }

    /** The checkout takes the whole cart for its order, if it is still what the checkout priced. */
    @CommandHandler
    void handle(CheckOutCart cmd) {
        // read full by this checkout, emptied by another since: the detail says so, and that a refused checkout puts its
        // lines back (it read "the cart is empty" alone, of a cart full again a moment later; walkthrough Z25)
        if (lines.isEmpty()) throw new DomainException(ErrorCode.CART_EMPTY, "the cart is empty: another checkout took its "
                + "lines first (should that one be refused, they come back to the cart: read it again)");
        CartContents now = contents();
        if (!now.equals(cmd.expected()))
            throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION,
                    "the cart changed while the order was being placed: review it and order again");
        apply(new CartCheckedOut(cartId, userId, cmd.orderId(), now.lines(), couponCode));
    }

    /**
     * What a checkout took goes back, its order not placed: each line's quantity is added to the line's now (a
     * course is in a cart once; a product's quantity stops at {@link #MAX_QUANTITY}), and the coupon comes back
     * unless the cart has one again. Lines put back count even where they take the cart past {@link #MAX_LINES}:
     * nothing the user had in the cart is dropped (further adds are refused until it is below).
     */
    @CommandHandler
    void handle(UndoCartCheckout cmd) {
        CartContents taken = checkouts.get(cmd.orderId().value());
        if (taken == null) return; // undone already, or this order never took the cart
        List<CartContents.Line> back = new ArrayList<>();
        for (CartContents.Line line : taken.lines()) {
            Line current = lines.get(line.itemId());
            int quantity = current == null ? line.quantity()
                    : line.itemType() == CartItemType.COURSE ? current.quantity
                    : (int) Math.min((long) current.quantity + line.quantity(), MAX_QUANTITY);
            back.add(new CartContents.Line(line.itemType(), line.itemId(), quantity));
        }
        apply(new CartCheckoutUndone(cartId, userId, cmd.orderId(), back, couponCode == null ? taken.couponCode() : null));
    }

    private CartContents contents() {
        return new CartContents(lines.entrySet().stream()
                .map(e -> new CartContents.Line(e.getValue().itemType, e.getKey(), e.getValue().quantity)).toList(), couponCode);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ClearCart cmd) {
        if (cartId == null || !lines.isEmpty() || couponCode != null)
            apply(new CartCleared(CartIds.cart(cmd.userId()), cmd.userId()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ApplyCoupon cmd, CouponLookup coupons, ItemCatalog catalog) {
        if (cmd.code() == null || cmd.code().isBlank()) throw DomainException.badInput("code is required");
        CouponState coupon = coupons.find(cmd.code(), cmd.userId()).orElseThrow(() ->
                new DomainException(ErrorCode.COUPON_NOT_FOUND, "no coupon has the code " + cmd.code().trim()));
        if (!coupon.active()) throw new DomainException(ErrorCode.COUPON_NOT_APPLICABLE, "the coupon is no longer active");
        coupon.terms().exhaustedFor(coupon.redemptions(), coupon.userRedemptions()).ifPresent(why -> {
            throw new DomainException(ErrorCode.COUPON_EXHAUSTED, "the coupon cannot be used again: " + why);
        });
        if (lines.isEmpty()) throw new DomainException(ErrorCode.COUPON_NOT_APPLICABLE, "the cart is empty");
        String currency = null;
        long subtotal = 0;
        for (Map.Entry<String, Line> e : lines.entrySet()) {
            if (e.getValue().itemType == CartItemType.COURSE) {
                CourseOffer c = catalog.course(new CourseId(e.getKey())).filter(CourseOffer::open).orElse(null);
                if (c == null) continue;
                currency = sameCurrency(currency, c.currency());
                subtotal = Math.addExact(subtotal, c.unitPriceCents());
                continue;
            }
            ProductFacts p = catalog.product(new ProductId(e.getKey())).orElse(null);
            if (p == null || !p.active()) continue;
            currency = sameCurrency(currency, p.currency());
            subtotal = Math.addExact(subtotal, Math.multiplyExact(p.unitPriceCents(), (long) e.getValue().quantity));
        }
        if (currency == null) throw new DomainException(ErrorCode.COUPON_NOT_APPLICABLE, "nothing in the cart is for sale");
        String terms = currency;
        long total = subtotal;
        coupon.terms().notApplicable(terms, total, GenericEventMessage.clock.instant()).ifPresent(why -> {
            throw new DomainException(ErrorCode.COUPON_NOT_APPLICABLE, "the coupon does not apply: " + why);
        });
        String code = coupon.terms().code();
        if (!code.equals(couponCode)) apply(new CouponAppliedToCart(CartIds.cart(cmd.userId()), cmd.userId(), code));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RemoveCoupon cmd) {
        if (couponCode == null) throw DomainException.notFound("coupon on the cart");
        apply(new CouponRemovedFromCart(cartId, userId, couponCode));
    }

    private static String requireItemId(CartItemType type, String itemId) {
        if (type == null) throw DomainException.badInput("itemType is required");
        try {
            return new ProductId(itemId).value();
        } catch (IllegalArgumentException e) {
            throw DomainException.badInput("itemId must be a UUID");
        }
    }

    private static void requireQuantity(int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY)
            throw DomainException.badInput("quantity must be between 1 and " + MAX_QUANTITY);
    }

    /** The line of this item id; another id (or an id of no line) is 404, like any id that is not the caller's. */
    private Line requireLine(String itemId) {
        Line line = lines.get(key(itemId));
        if (line == null) throw DomainException.notFound("cart item " + itemId);
        return line;
    }

    private static String key(String itemId) {
        try {
            return new ProductId(itemId).value();
        } catch (IllegalArgumentException e) {
            return String.valueOf(itemId);
        }
    }

    private static ProductFacts purchasable(ItemCatalog catalog, String productId, int quantity) {
        ProductFacts p = catalog.product(new ProductId(productId))
                .orElseThrow(() -> DomainException.notFound("product " + productId));
        if (!p.active()) throw new DomainException(ErrorCode.PRODUCT_UNAVAILABLE, "product " + productId + " is not for sale");
        int available = catalog.available(new ProductId(productId));
        if (quantity > available)
            throw new DomainException(ErrorCode.INSUFFICIENT_STOCK, "product " + productId + ": " + quantity
                    + " asked, " + available + " available");
        return p;
    }

    /**
     * A cart whose lines are priced in two currencies (a product listed before 2026-12-07 evening could change its
     * currency while in carts) takes no coupon: its minimum added pounds to dollars (walkthrough Z31). The checkout
     * refuses such a cart too.
     */
    private static String sameCurrency(String before, String line) {
        if (before != null && !before.equals(line))
            throw new DomainException(ErrorCode.CURRENCY_MISMATCH, "the cart mixes " + before + " and " + line
                    + ": remove the lines in one of them");
        return line;
    }

    /** A cart is in one currency: that of the items in it now. */
    private void requireSameCurrency(ItemCatalog catalog, String adding, String currency) {
        for (Map.Entry<String, Line> other : lines.entrySet()) {
            if (other.getKey().equals(adding)) continue;
            java.util.Optional<String> theirs = other.getValue().itemType == CartItemType.COURSE
                    ? catalog.course(new CourseId(other.getKey())).map(CourseOffer::currency)
                    : catalog.product(new ProductId(other.getKey())).map(ProductFacts::currency);
            if (theirs.isEmpty()) continue; // gone from the catalog since: another line tells the cart's currency
            if (!theirs.get().equals(currency))
                throw new DomainException(ErrorCode.CURRENCY_MISMATCH, "the cart is in " + theirs.get() + "; this item is priced in " + currency);
            return; // all lines share one currency: one is enough
        }
    }

    @EventSourcingHandler
    void on(CartItemAdded e) {
        cartId = e.cartId();
        userId = e.userId();
        lines.put(e.itemId(), new Line(e.itemType(), e.quantity()));
    }

    @EventSourcingHandler
    void on(CartItemQuantityChanged e) { lines.get(e.itemId()).quantity = e.quantity(); }

    @EventSourcingHandler
    void on(CartItemRemoved e) { lines.remove(e.itemId()); }

    @EventSourcingHandler
    void on(CartCleared e) {
        cartId = e.cartId();
        userId = e.userId();
        lines.clear();
        couponCode = null;
    }

    @EventSourcingHandler
    void on(CartCheckedOut e) {
        checkouts.put(e.orderId().value(), new CartContents(e.lines(), e.couponCode()));
        while (checkouts.size() > UNDOABLE_CHECKOUTS) checkouts.remove(checkouts.keySet().iterator().next());
        lines = new LinkedHashMap<>();
        couponCode = null;
    }

    @EventSourcingHandler
    void on(CartCheckoutUndone e) {
        checkouts.remove(e.orderId().value());
        for (CartContents.Line line : e.lines()) {
            Line current = lines.get(line.itemId());
            if (current != null) current.quantity = line.quantity();
            else lines.put(line.itemId(), new Line(line.itemType(), line.quantity()));
        }
        if (e.couponCode() != null) couponCode = e.couponCode();
    }

    @EventSourcingHandler
    void on(CouponAppliedToCart e) {
        cartId = e.cartId();
        userId = e.userId();
        couponCode = e.code();
    }

    @EventSourcingHandler
    void on(CouponRemovedFromCart e) { couponCode = null; }
}
