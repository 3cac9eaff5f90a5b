package dev.stoa.command.ordering;

import dev.stoa.api.cart.CartContents;
import dev.stoa.api.cart.CartItemType;
import dev.stoa.api.cart.CheckOutCart;
import dev.stoa.api.cart.CouponTerms;
import dev.stoa.api.cart.ReadCartForCheckout;
import dev.stoa.api.cart.ReadCouponTerms;
import dev.stoa.api.cart.RedeemCoupon;
import dev.stoa.api.cart.pricing.Destination;
import dev.stoa.api.cart.pricing.PricedLine;
import dev.stoa.api.cart.pricing.PricingRules;
import dev.stoa.api.cart.pricing.Quote;
import dev.stoa.api.cart.pricing.TaxClass;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.Address;
import dev.stoa.api.identity.ShippingAddressRead;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.inventory.CommitStockReservation;
import dev.stoa.api.inventory.ReserveStock;
import dev.stoa.api.ordering.AbandonCheckout;
import dev.stoa.api.ordering.CancelOrder;
import dev.stoa.api.ordering.CheckoutAbandoned;
import dev.stoa.api.ordering.ConfirmOrder;
import dev.stoa.api.ordering.OrderEndedCancelled;
import dev.stoa.api.ordering.OrderConfirmed;
import dev.stoa.api.ordering.OrderAmounts;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.OrderPlaced;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.ordering.ShippingAddress;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.ErrorDetails;
import dev.stoa.api.wallet.CheckWalletCovers;
import dev.stoa.api.wallet.DebitWallet;
import dev.stoa.api.wallet.RefundToWallet;
import dev.stoa.command.cart.ItemCatalog;
import dev.stoa.command.cart.ItemCatalog.CourseOffer;
import dev.stoa.command.cart.ItemCatalog.ProductFacts;
import dev.stoa.command.payment.CardPayments;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.stoa.command.wallet.WalletSettings;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a user's cart into an order (POST /api/v1/orders), step by step on the aggregates that decide each part:
 * the cart (its lines and coupon, read and then taken for the order at once, if unchanged: a line added while the
 * order is placed stays in the cart, and two checkouts of one cart make one order), the products (name, SKU, price,
 * vendor and weight snapshotted now, from their events), the buyer's address book, the coupon (redeemed for this
 * order), the inventories (one reservation per product line), the order (placed pending with a payment hold), and for
 * {@code wallet} payment the wallet (debited), then the order confirmed (the reservations of physical products stay
 * open until they ship, the others are committed). A refusal on
 * the way undoes what was done before it (reservations released, coupon released, the cart's lines put back, an order
 * already placed cancelled) and answers the refusal.
 *
 * <p>Nothing is left behind by a crash either: before the cart is taken a row in {@code checkout_attempt} names the
 * order, its buyer and its products ({@link CheckoutAttempts} releases what a request that died before placing the
 * order had reserved and puts the cart back); once the order is placed, its payment hold expires it and
 * {@link OrderFulfilment} releases its reservations and coupon, and a wallet debit whose request died before
 * confirming is confirmed (or refunded) by the same saga.
 */
@Component
public class Checkout {
    /** The payment method of an order that cost nothing (a 100 % coupon), and its payment id's prefix: free-<orderId>. */
    public static final String FREE = "free";

    /** The payment reference of an order that cost nothing: {@code free-<orderId>}. */
    static String freeReference(OrderId orderId) { return FREE + "-" + orderId.value(); }

    /** How an order confirmed under {@code reference} was paid: {@link #FREE} when it cost nothing, else as chosen. */
    public static String paymentMethod(OrderId orderId, String chosen, String reference) {
        return freeReference(orderId).equals(reference) ? FREE : chosen;
    }

    /** What the buyer gets back: the order as placed (and paid, for the wallet). */
    public record Placed(OrderId orderId, String orderNumber, String status, OrderAmounts amounts, String paymentMethod,
                         String paymentReference, String clientSecret) {
        public Placed(OrderId orderId, String orderNumber, String status, OrderAmounts amounts, String paymentMethod,
                      String paymentReference) {
            this(orderId, orderNumber, status, amounts, paymentMethod, paymentReference, null);
        }

        @Override
        public String toString() { return "Placed[" + orderId + ", " + status + "]"; } // the client secret stays out of logs
    }

    private final Commands commands;
    private final ItemCatalog catalog;
    private final PricingRules pricing;
    private final CheckoutAttempts attempts;
    private final EventStore events;
    private final CardPayments cards;
    private final PendingCourseOrders pendingCourses;
    private final BuyerAddresses addresses;
    private final Duration keyRetention;
    private final WalletSettings wallets;

    Checkout(Commands commands, ItemCatalog catalog, PricingRules pricing, CheckoutAttempts attempts, EventStore events,
             CardPayments cards, PendingCourseOrders pendingCourses, BuyerAddresses addresses,
             WalletSettings wallets,
             @Value("${stoa.idempotency.retention:24h}") Duration keyRetention) {
        this.wallets = wallets;
        this.addresses = addresses;
        this.keyRetention = keyRetention;
        this.cards = cards;
        this.pendingCourses = pendingCourses;
        this.commands = commands;
        this.catalog = catalog;
        this.pricing = pricing;
        this.attempts = attempts;
        this.events = events;
    }

    public Placed place(UserId buyer, String addressId, String paymentMethod, String notes) {
        return place(buyer, addressId, paymentMethod, notes, null);
    }

    /**
     * With the request's {@code Idempotency-Key}, the order's id is derived from the buyer and the key
     * ({@link #keyedOrderId}), so a retry after an answer that never came or was a 5xx (the idempotency store keeps no
     * 5xx) finds the order its first attempt placed, and finishes it instead of answering 422 {@code cart_empty} for
     * the cart that order took: a wallet order still pending is debited (the wallet debits an order once) and
     * confirmed, a card order answers its payment, a confirmed one itself. A first attempt that stopped before placing
     * its order gave its id up ({@link AbandonCheckout}; one whose request died is given up now, and what it took given
     * back), as does an order of the key that was cancelled or placed longer ago than the idempotency store remembers
     * keys: the retry then places its order under the key's next id, where a retry of it finds it in turn.
     */
    public Placed place(UserId buyer, String addressId, String paymentMethod, String notes, String idempotencyKey) {
        requireMethod(paymentMethod);
        Keyed keyed = keyed(buyer, idempotencyKey, "");
        if (keyed.resumed() != null) return keyed.resumed();
        CartContents cart = cartOf(buyer);
        // read empty: maybe never filled, maybe taken by another checkout a moment ago, whose refusal would put its lines
        // back (the detail said so only when the race was lost later, at the cart's taking; walkthrough Z27)
        if (cart.lines().isEmpty()) throw new DomainException(ErrorCode.CART_EMPTY, "the cart is empty (if another "
                + "checkout of it is under way, its lines come back to the cart should that one be refused: read it again)");
        List<Item> items = items(buyer, cart);
        pendingCourses.requireNoneHolds(buyer, items.stream().filter(i -> !i.product()).map(Item::itemId).collect(Collectors.toSet()));
        return placeItems(buyer, keyed.orderId(), items, cart, addresses.of(buyer, addressId), paymentMethod, notes);
    }

    /**
     * A course bought on its own page ({@code POST /courses/{id}/enroll} with the wallet): an order of that one course
     * line, placed and paid as a checkout's but without the cart (whose lines stay as they are), taxed for the buyer's
     * default address. Being an order, it is in the buyer's orders with its receipt, and a refund request gives its
     * money back and revokes the course like any course bought at checkout. With an {@code Idempotency-Key}, a retry
     * finds the order its first attempt placed, as a checkout's does (the key names other orders here than in a
     * checkout; {@link #resumedCourse}). Its course is granted by {@code course-entitlements} once it is confirmed (and
     * by the enrollment's request, with the same checks).
     */
    public Placed buyCourse(UserId buyer, CourseId courseId, String paymentMethod, String idempotencyKey) {
        requireMethod(paymentMethod);
        Keyed keyed = keyed(buyer, idempotencyKey, courseScope(courseId));
        if (keyed.resumed() != null) return keyed.resumed();
        List<Item> items = List.of(course(buyer, courseId.value(), ""));
        pendingCourses.requireNoneHolds(buyer, Set.of(courseId.value()));
        return placeItems(buyer, keyed.orderId(), items, null, addresses.of(buyer, null), paymentMethod, null);
    }

    /**
     * The order a course's purchase with this {@code Idempotency-Key} placed before (a first attempt that answered a
     * 5xx or not at all), finished as {@link #buyCourse} would: asked before anything else, so the retry answers that
     * order even though the buyer has the course by now. Empty without a key or such an order.
     */
    public Optional<Placed> resumedCourse(UserId buyer, CourseId courseId, String idempotencyKey) {
        if (idempotencyKey == null) return Optional.empty();
        return Optional.ofNullable(keyed(buyer, idempotencyKey, courseScope(courseId)).resumed());
    }

    private static String courseScope(CourseId courseId) { return "course " + courseId.value() + "\n"; }

    private static void requireMethod(String paymentMethod) {
        if (!PlaceOrder.WALLET.equals(paymentMethod) && !PlaceOrder.CARD.equals(paymentMethod))
            throw new DomainException(ErrorCode.PAYMENT_METHOD_UNAVAILABLE, "pay with card or wallet");
    }

    /** The order id a checkout places its order under; or the order of the key's first attempt, finished ({@code resumed}). */
    private record Keyed(OrderId orderId, Placed resumed) {}

    private Keyed keyed(UserId buyer, String idempotencyKey, String scope) {
        for (int n = 0; idempotencyKey != null && n < KEYED_IDS; n++) {
            OrderId keyed = keyedOrderId(buyer, scope + idempotencyKey, n);
            Optional<Prior> prior = prior(keyed);
            if (prior.isEmpty() && attempts.undoLeftOver(keyed)) prior = prior(keyed); // now abandoned (or placed after all)
            if (prior.isEmpty()) return new Keyed(keyed, null);
            if (prior.get().resumable(buyer, GenericEventMessage.clock.instant().minus(keyRetention))) {
                return new Keyed(keyed, pay(buyer, prior.get().placed(), prior.get().paymentReference(), true));
            }
        }
        return new Keyed(OrderId.random(), null);
    }

    /**
     * Places the order of {@code items} under {@code orderId} and pays it; {@code cart}: the cart the items were read
     * from, taken for the order (with its coupon) if unchanged since, or null for items bought without it.
     */
    private Placed placeItems(UserId buyer, OrderId orderId, List<Item> items, CartContents cart, ShippingAddressRead address,
                              String paymentMethod, String notes) {
        boolean physical = items.stream().anyMatch(Item::physical);
        if (physical && address == null)
            throw new DomainException(ErrorCode.SHIPPING_ADDRESS_REQUIRED,
                    "the cart holds physical items: add an address or send shippingAddressId");
        Destination destination = addresses.destination(address);
        String currency = items.get(0).currency();

        // what the checkout takes counts as taken once its command is sent: one without answer may have landed, and
        // giving back what was not taken changes nothing (the cart, the coupon and the inventories answer a repeat so)
        List<Item> reserved = new ArrayList<>();
        String coupon = null;
        List<String> courses = items.stream().filter(i -> !i.product()).map(Item::itemId).toList();
        attempts.begin(orderId, buyer, items.stream().filter(Item::product).map(Item::productId).toList(), courses,
                cart == null ? null : cart.couponCode());
        try {
            // noted first, then checked: another checkout of the buyer's (the course added to the cart again while this
            // one had taken it, or bought on its page from the wallet) notes itself first too, then looks for this row,
            // so of two at once at least one sees the other; the pending orders are looked at again after that, for one
            // placed (its row gone) since the look above
            for (String course : courses) {
                pendingCourses.requireNoWalletPurchase(buyer, course, fromCart(cart));
                pendingCourses.requireNoOtherCheckout(buyer, course, orderId);
            }
            if (!courses.isEmpty()) pendingCourses.requireNoneHolds(buyer, Set.copyOf(courses));
            for (String course : courses)
                if (catalog.owns(buyer, new CourseId(course)))
                    throw new DomainException(ErrorCode.COURSE_ALREADY_OWNED, "you are enrolled in course " + course
                            + " already" + fromCart(cart));
            if (cart != null) commands.send(new CheckOutCart(buyer, orderId, cart)); // refused if it changed since it was read
            long discount = 0;
            long subtotal = items.stream().mapToLong(i -> Math.multiplyExact(i.unitPriceCents(), (long) i.quantity())).sum();
            if (cart != null && cart.couponCode() != null) {
                CouponTerms terms = commands.send(new ReadCouponTerms(cart.couponCode()));
                coupon = terms.code();
                Optional<String> why = terms.notApplicable(currency, subtotal, GenericEventMessage.clock.instant());
                if (why.isPresent())
                    throw new DomainException(ErrorCode.COUPON_NOT_APPLICABLE, "coupon " + coupon + " does not apply: " + why.get());
                discount = terms.discountOn(subtotal);
            }
            Quote quote = pricing.price(items.stream().map(Item::priced).toList(), discount, destination);
            if (PlaceOrder.WALLET.equals(paymentMethod) && quote.totalCents() > 0) requireWalletCovers(buyer, quote, currency);
            // redeemed once the wallet could pay: a checkout it could not held a single-use coupon's last use until its
            // refusal gave it back, and another buyer was refused coupon_exhausted meanwhile (before 2026-12-07; Z23)
            if (coupon != null) commands.send(new RedeemCoupon(coupon, buyer, orderId));
            for (int i = 0; i < items.size(); i++) {
                if (!items.get(i).product()) continue; // a course has no stock
                reserved.add(items.get(i));
                reserve(items.get(i), orderId, i);
            }
            List<OrderLine> lines = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) // the quote's lines are the items', in their order
                lines.add(items.get(i).line().charged(quote.lines().get(i).discountCents(), quote.lines().get(i).taxCents()));
            commands.send(new PlaceOrder(orderId, buyer, lines,
                    new OrderAmounts(quote.subtotalCents(), quote.discountCents(), quote.taxCents(), quote.shippingCents(),
                            quote.totalCents(), currency),
                    coupon, physical ? shippingAddress(address) : null, paymentMethod, notes));
        } catch (RuntimeException refused) {
            // the id given up first: a PlaceOrder without answer may have landed, and then its hold and saga own it all
            if (attempts.abandon(orderId, buyer, Refusals.code(refused).orElse("unanswered"), Map.of()))
                undo(buyer, orderId, reserved.stream().map(Item::productId).toList(), coupon);
            attempts.end(orderId);
            throw refused;
        }
        attempts.end(orderId); // the order exists: its payment hold and OrderFulfilment take it from here
        return pay(buyer, prior(orderId).orElseThrow().placed(), null, false);
    }

    /**
     * Pays a placed order and answers it: confirmed at once when it costs nothing, pending with its card payment, or
     * debited from the wallet and confirmed. {@code confirmedBy}: the payment reference of an order confirmed already
     * (a retry of a checkout that got that far), which is answered as it is; {@code retried}: a retry's, whose card
     * payment may have been started by the first attempt.
     */
    private Placed pay(UserId buyer, OrderPlaced placed, String confirmedBy, boolean retried) {
        OrderId orderId = placed.orderId();
        String paymentMethod = placed.paymentMethod(), currency = placed.amounts().currency();
        List<ProductId> products = productsOf(placed);
        if (confirmedBy != null) return confirmed(placed, confirmedBy);
        if (placed.amounts().totalCents() == 0) { // nothing to pay (a 100 % coupon on a course): no card, no debit
            String free = freeReference(orderId);
            commands.send(new ConfirmOrder(orderId, free));
            return confirmed(placed, free);
        }
        if (PlaceOrder.CARD.equals(paymentMethod)) { // pending until the card payment's outcome (PaymentProcess)
            if (retried) { // the payment the first attempt started, or started now if it did not get to it
                CardPayments.Started payment = cards.startFor(orderId, new Actor(buyer.value(), Set.of())).payment();
                return new Placed(orderId, placed.orderNumber(), "pending", placed.amounts(), paymentMethod,
                        payment.paymentId().value(), payment.clientSecret());
            }
            CardPayments.Started payment;
            try {
                payment = cards.start(orderId, buyer, placed.amounts().totalCents(), currency);
            } catch (RuntimeException refused) {
                commands.send(new CancelOrder(orderId, CancelOrder.PAYMENT_FAILED, Actor.system()));
                undo(buyer, orderId, products, placed.couponCode());
                throw naming(refused, placed);
            }
            return new Placed(orderId, placed.orderNumber(), "pending", placed.amounts(), paymentMethod,
                    payment.paymentId().value(), payment.clientSecret());
        }

        String reference = "wallet-" + orderId.value();
        try {
            commands.send(new DebitWallet(buyer, orderId, placed.amounts().totalCents(), currency));
        } catch (CommandExecutionException refused) {
            // no answer (a timeout, a lost connection): the debit may still land, and an order cancelled now would have
            // nobody to give it back (its saga ends with the cancellation); it stays pending instead: its saga confirms
            // it on the debit, and its hold cancels it (releasing what it holds) if none comes
            if (!Refusals.any(refused)) throw refused;
            commands.send(new CancelOrder(orderId, CancelOrder.PAYMENT_FAILED, Actor.system()));
            undo(buyer, orderId, products, placed.couponCode()); // OrderFulfilment releases the same; done here so the answer shows it
            throw naming(refused, placed);
        }
        try {
            commands.send(new ConfirmOrder(orderId, reference));
        } catch (CommandExecutionException refused) {
            if (!Refusals.is(refused, ErrorCode.INVALID_TRANSITION)) throw refused; // not cancelled: OrderFulfilment confirms it
            // cancelled after it was placed and before the debit confirmed it (the buyer, an admin, the buyer's
            // deactivation): the debit goes back, under the reference OrderFulfilment uses for the same case, so the
            // two never both refund (its saga ended with the cancellation and may not see this debit at all)
            commands.send(new RefundToWallet(buyer, orderId, "unconfirmed-" + orderId.value(),
                    placed.amounts().totalCents(), currency));
            throw naming(refused, placed);
        }
        return confirmed(placed, reference);
    }

    /**
     * A refusal that came after the order was placed, which now stands cancelled: its problem names the order
     * ({@code orderId}, {@code orderNumber}), which the buyer can read and which their order list shows (before
     * 2026-12-07 the answer told nothing of it). No answer (a timeout) is thrown as it is.
     */
    static RuntimeException naming(RuntimeException refused, OrderPlaced placed) {
        DomainException problem = refused instanceof DomainException domain ? domain
                : refused instanceof CommandExecutionException bus ? bus.getDetails().filter(ErrorDetails.class::isInstance)
                        .map(d -> ((ErrorDetails) d).toException()).orElse(null)
                : null;
        if (problem == null) return refused;
        return problem.with("orderId", placed.orderId().value()).with("orderNumber", placed.orderNumber());
    }

    /**
     * A confirmed order, answered {@code confirmed}: the reservations of products nobody ships (digital ones) are
     * committed, as {@link OrderFulfilment} does on the confirmation (done here so the answer shows it); those of
     * physical products stay open, their units reserved and on hand, until their line ships.
     */
    private Placed confirmed(OrderPlaced placed, String reference) {
        for (ProductId product : OrderFulfilment.committedAtPayment(placed.lines()))
            commands.send(new CommitStockReservation(product, placed.orderId()));
        // an order that cost nothing was paid by nothing, whatever method its checkout named: its payment reads free
        String method = paymentMethod(placed.orderId(), placed.paymentMethod(), reference);
        return new Placed(placed.orderId(), placed.orderNumber(), "confirmed", placed.amounts(), method, reference);
    }

    private static List<ProductId> productsOf(OrderPlaced placed) {
        return placed.lines().stream().filter(l -> OrderLine.PRODUCT.equals(l.itemType())).map(l -> new ProductId(l.itemId())).toList();
    }

    /** One line of the cart (a product or a course) with the item's facts now. */
    private record Item(String itemType, String itemId, int quantity, String name, String sku, UserId vendorId,
                        long unitPriceCents, String currency, Integer weightGrams, TaxClass taxClass) {
        static Item of(ProductId productId, int quantity, ProductFacts facts) {
            return new Item(OrderLine.PRODUCT, productId.value(), quantity, facts.name(), facts.sku(), facts.vendorId(),
                    facts.unitPriceCents(), facts.currency(), facts.weightGrams(), TaxClass.ofProduct(facts.weightGrams()));
        }

        static Item of(String courseId, CourseOffer course) {
            return new Item(OrderLine.COURSE, courseId, 1, course.title(), null, course.instructorId(),
                    course.unitPriceCents(), course.currency(), null, TaxClass.COURSE);
        }

        boolean product() { return OrderLine.PRODUCT.equals(itemType); }

        ProductId productId() { return new ProductId(itemId); }

        boolean physical() { return taxClass == TaxClass.PHYSICAL; }

        PricedLine priced() {
            return new PricedLine(itemId, unitPriceCents, quantity, taxClass, weightGrams == null ? 0 : weightGrams);
        }

        OrderLine line() {
            return new OrderLine(itemType, itemId, vendorId, name, sku, unitPriceCents, quantity,
                    Math.multiplyExact(unitPriceCents, (long) quantity), physical());
        }
    }

    private CartContents cartOf(UserId buyer) {
        try {
            return commands.send(new ReadCartForCheckout(buyer));
        } catch (CommandExecutionException e) {
            if (Refusals.is(e, ErrorCode.NOT_FOUND_CODE)) return CartContents.empty(); // never had a cart
            throw e;
        }
    }

    private List<Item> items(UserId buyer, CartContents cart) {
        List<Item> items = new ArrayList<>();
        String currency = null;
        for (CartContents.Line line : cart.lines()) {
            Item item = line.itemType() == CartItemType.COURSE ? course(buyer, line.itemId(), FROM_CART) : product(line);
            if (currency != null && !currency.equals(item.currency()))
                throw new DomainException(ErrorCode.CURRENCY_MISMATCH, "the cart mixes " + currency + " and " + item.currency());
            currency = item.currency();
            items.add(item);
        }
        return items;
    }

    private Item product(CartContents.Line line) {
        ProductId productId = new ProductId(line.itemId());
        ProductFacts facts = catalog.product(productId).filter(ProductFacts::active).orElseThrow(() ->
                new DomainException(ErrorCode.PRODUCT_UNAVAILABLE, "product " + productId + " is no longer for sale: remove it from the cart"));
        return Item.of(productId, line.quantity(), facts);
    }

    /** What a refusal of a cart's line advises. */
    private static final String FROM_CART = ": remove it from the cart";

    /**
     * The advice a refusal gives: to remove the line from the cart when a cart is checked out, none when a course is
     * bought on its page ({@code cart} null), which told the buyer to remove from the cart what was never in it (before
     * 2026-12-07; found by a walkthrough).
     */
    private static String fromCart(CartContents cart) { return cart != null ? FROM_CART : ""; }

    /**
     * A course line: still open to new students, and not one the buyer has access to by now; {@code advice} ends
     * each refusal.
     */
    private Item course(UserId buyer, String id, String advice) {
        CourseId courseId = new CourseId(id);
        CourseOffer course = catalog.course(courseId).orElseThrow(() ->
                new DomainException(ErrorCode.PRODUCT_UNAVAILABLE, "course " + id + " is no longer for sale" + advice));
        if (!course.open())
            throw new DomainException(ErrorCode.COURSE_ARCHIVED, "course " + id + " takes no new students" + advice);
        if (catalog.owns(buyer, courseId))
            throw new DomainException(ErrorCode.COURSE_ALREADY_OWNED, "you are enrolled in course " + id + " already" + advice);
        return Item.of(id, course);
    }

    /**
     * 422 {@code insufficient_funds} or {@code currency_mismatch} before the order is placed, when the wallet could not
     * pay it now: refused here, the checkout leaves no cancelled order (and no cancellation mail) behind. The debit
     * still decides; this only spares the common case.
     */
    private void requireWalletCovers(UserId buyer, Quote quote, String currency) {
        try {
            commands.send(new CheckWalletCovers(buyer, quote.totalCents(), currency));
        } catch (CommandExecutionException e) {
            if (!Refusals.is(e, ErrorCode.NOT_FOUND_CODE)) throw e;
            // no wallet yet: nothing was ever topped up. It will keep the platform's currency: an order in another one
            // is a mismatch no top-up mends (it read "holds 0 cents" before 2026-12-06, sixth session; a walkthrough)
            if (!wallets.currency().equals(currency))
                throw new DomainException(ErrorCode.CURRENCY_MISMATCH, "the wallet keeps " + wallets.currency() + ", not "
                        + currency);
            throw new DomainException(ErrorCode.INSUFFICIENT_FUNDS, "the wallet holds 0 cents, the order needs "
                    + quote.totalCents());
        }
    }

    private void reserve(Item item, OrderId orderId, int index) {
        try {
            commands.send(new ReserveStock(item.productId(), orderId, item.quantity()));
        } catch (CommandExecutionException e) {
            if (!Refusals.is(e, ErrorCode.INSUFFICIENT_STOCK)) throw e;
            String message = e.getDetails().map(d -> ((ErrorDetails) d).message()).orElse("not enough stock");
            throw new DomainException(ErrorCode.INSUFFICIENT_STOCK,
                    "line " + (index + 1) + " (" + item.name() + ", SKU " + item.sku() + "): " + message);
        }
    }

    /** Gives back what the checkout took ({@link CheckoutAttempts#giveBack}), in the request's name. */
    private void undo(UserId buyer, OrderId orderId, List<ProductId> reserved, String coupon) {
        attempts.giveBack(orderId, buyer, reserved, coupon, Map.of());
    }

    /**
     * An order as the checkout needs it, from its events: placed when and by whom (and how), confirmed, cancelled; or
     * an id its checkout gave up ({@code placed} null).
     */
    private record Prior(OrderPlaced placed, Instant placedAt, boolean cancelled, String paymentReference) {
        boolean resumable(UserId buyer, Instant notBefore) {
            return placed != null && placed.buyer().equals(buyer) && !cancelled && !placedAt.isBefore(notBefore);
        }
    }

    /** The order's story so far; empty when nothing happened under this id (a key's first checkout). */
    private Optional<Prior> prior(OrderId orderId) {
        Prior[] prior = new Prior[1];
        events.readEvents(orderId.value()).asStream().forEach(m -> {
            Object p = m.getPayload();
            if (p instanceof OrderPlaced e) prior[0] = new Prior(e, m.getTimestamp(), false, null);
            else if (p instanceof CheckoutAbandoned) prior[0] = new Prior(null, m.getTimestamp(), true, null);
            else if (prior[0] != null && p instanceof OrderConfirmed e)
                prior[0] = new Prior(prior[0].placed(), prior[0].placedAt(), false, e.paymentReference());
            else if (prior[0] != null && p instanceof OrderEndedCancelled)
                prior[0] = new Prior(prior[0].placed(), prior[0].placedAt(), true, prior[0].paymentReference());
        });
        return Optional.ofNullable(prior[0]);
    }

    /** How many ids one key's checkouts try ({@link #keyedOrderId}) before the next one takes a random id. */
    static final int KEYED_IDS = 16;

    /**
     * The id of the order a buyer's checkout with this {@code Idempotency-Key} places, the {@code n}-th one of the key
     * (0 first; the next after an attempt that gave its id up, or an order of the key cancelled or past the
     * idempotency retention): the first 16 bytes of SHA-256 over the three, as a UUID (version 8, name-based). The same
     * key of another buyer names other orders; the key cannot be read back from the id.
     */
    static OrderId keyedOrderId(UserId buyer, String idempotencyKey, int n) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256").digest(("stoa checkout\n" + buyer.value() + "\n" + idempotencyKey
                    + (n == 0 ? "" : "\n" + n)).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        h[6] = (byte) ((h[6] & 0x0f) | 0x80); // version 8
        h[8] = (byte) ((h[8] & 0x3f) | 0x80); // the RFC 9562 variant
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new OrderId(new UUID(b.getLong(), b.getLong()).toString());
    }

    /** The order's snapshot of the address, with the account's name as its recipient (none before 2026-12-07). */
    private static ShippingAddress shippingAddress(ShippingAddressRead read) {
        Address a = read.address();
        return new ShippingAddress(read.recipientName(), a.streetLine1(), a.streetLine2(), a.city(), a.state(),
                a.postalCode(), a.countryCode());
    }
}
