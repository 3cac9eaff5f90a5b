package dev.stoa.command.payment;

import static dev.stoa.command.payment.DomainErrors.domainError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderAmounts;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.OrderStatus;
import dev.stoa.api.payment.*;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.ErrorKind;
import dev.stoa.command.platform.UniqueKeys;
import dev.stoa.command.platform.web.Commands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The refund requests of an order: who may ask, when, for what; the amount split to the cent (discount and tax shares,
 * rounding, shipping with the last line), and decisions that happen once.
 */
class OrderRefundsTest {
    private static final Instant PAID = Instant.parse("2026-11-01T10:00:00Z");
    private final OrderId order = OrderId.random();
    private final UserId buyer = UserId.random();
    private final Actor buyerActor = new Actor(buyer.value(), Set.of("customer"));
    private final Actor support = new Actor(UserId.random().value(), Set.of("support"));
    private final String lamp = java.util.UUID.randomUUID().toString();
    private final String desk = java.util.UUID.randomUUID().toString();
    private final String course = java.util.UUID.randomUUID().toString();
    private final RefundRequestId first = RefundRequestId.random();
    private final RefundRequestId second = RefundRequestId.random();
    private final Map<String, String> keys = new HashMap<>();
    private FixtureConfiguration<OrderRefunds> fixture;
    private OrderStatus status = OrderStatus.DELIVERED;
    /** A cancelled order: by its cancellation, which refunds the rest (true), or closed by its refunds (false). */
    private boolean refundingTheRest = true;
    /** Whether the card payment had every captured cent refunded (succeeded), by whatever refunds. */
    private boolean cardRefundedWhole;
    private Instant now = PAID.plus(Duration.ofDays(3));
    private int progress = 0;
    private List<OrderLine> lines;
    /** The items of the lines that have shipped. */
    private Set<String> shippedItems = Set.of();
    /** Paid by card: what its payment has left to refund (captured, less what was refunded); null: paid from the wallet. */
    private Long cardLeft;
    /** The refund ids the card payment was asked for already (as its events would tell). */
    private final Set<String> askedOfPayment = new java.util.HashSet<>();
    /** The commands the aggregate sent (an admin's refund of the payment). */
    private final List<Object> sent = new java.util.ArrayList<>();
    /** The approved refunds each approval asked the payment about. */
    private final List<Map<String, Long>> approvedAsked = new java.util.ArrayList<>();
    // 3 lamps at 10.00 and a desk at 20.01: subtotal 50.01, discount 5.00, tax 4.51, shipping 7.00, total 56.52
    private final OrderAmounts amounts = new OrderAmounts(5_001, 500, 451, 700, 5_652, "USD");

    @BeforeEach
    void setUp() {
        lines = List.of(line("product", lamp, 1_000, 3), line("product", desk, 2_001, 1));
        fixture = new AggregateTestFixture<>(OrderRefunds.class);
        fixture.registerInjectableResource(new RefundableOrders() {
            @Override
            public Optional<RefundableOrder> find(OrderId id) {
                return id.equals(order) ? Optional.of(new RefundableOrder(order, "ORD-20261101-AB12", buyer, lines, amounts,
                        cardLeft == null ? "wallet" : "card", cardLeft == null ? "wallet-ref" : paymentId, PAID, status,
                        status == OrderStatus.CANCELLED && refundingTheRest, shippedItems))
                        : Optional.empty();
            }

            @Override
            public OptionalLong cardRefundable(String paymentReference, Map<String, Long> approved) {
                if (cardLeft == null || !paymentReference.equals(paymentId)) return OptionalLong.empty();
                approvedAsked.add(Map.copyOf(approved));
                // a payment that has not been asked for any of them yet
                return OptionalLong.of(cardLeft - approved.values().stream().mapToLong(Long::longValue).sum());
            }

            @Override
            public boolean cardRefundedWhole(String paymentReference) { return cardRefundedWhole; }

            @Override
            public boolean cardRefundAsked(String paymentReference, String refundId) {
                return paymentReference.equals(paymentId) && askedOfPayment.contains(refundId);
            }
        });
        fixture.registerInjectableResource(new Commands(null, Duration.ofSeconds(1)) {
            @Override
            @SuppressWarnings("unchecked")
            public <R> R send(Object command) {
                sent.add(command);
                return (R) ((RequestRefund) command).amountCents();
            }
        });
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now; }
        };
        fixture.registerInjectableResource(new RefundPolicy(Duration.ofDays(14), 30, clock, (user, c) -> progress));
        fixture.registerInjectableResource(new UniqueKeys(null, null) {
            @Override
            public boolean claim(String kind, String value, String owner) { return owner.equals(keys.computeIfAbsent(value, v -> owner)); }
        });
        fixture.registerInjectableResource(new PrefixSealing());
    }

    /** Seals by prefixing: enough to see that the aggregate sealed the free texts with the buyer's key. */
    private static final class PrefixSealing implements PersonalData {
        public String seal(String userId, String value) { return value == null ? null : "sealed-for-" + userId + ":" + value; }
        public String open(String userId, String sealed) { return sealed; }
        public void erase(String userId) {}
        public boolean isErased(String userId) { return false; }
    }

    private static OrderLine line(String type, String id, long unit, int quantity) {
        return new OrderLine(type, id, UserId.random(), "Item " + id, "SKU", unit, quantity, unit * quantity, "product".equals(type));
    }

    private RefundRequested requested(RefundRequestId id, List<RefundItem> items) {
        return new RefundRequested(id, order, "ORD-20261101-AB12", buyer, "sealed-for-" + buyer.value() + ":broken", items, "USD", "wallet");
    }

    private RefundApproved approved(RefundRequestId id, List<RefundLineAmount> split, long items, long discount, long tax,
                                    long shipping, boolean whole) {
        return new RefundApproved(id, order, "ORD-20261101-AB12", buyer, split, items, discount, tax, shipping,
                items - discount + tax + shipping, "USD", whole, "wallet", "wallet-ref", support.userId());
    }

    private RequestOrderRefund ask(RefundRequestId id, List<RefundItem> items) {
        return new RequestOrderRefund(id, order, "broken", items, buyerActor);
    }

    @Test
    void givenDeliveredOrder_whenBuyerAsksForOneLamp_thenRequested() {
        fixture.givenNoPriorActivity()
                .when(ask(first, List.of(new RefundItem("product", lamp, 1))))
                .expectEvents(requested(first, List.of(new RefundItem("product", lamp, 1))));
    }

    @Test
    void givenNothing_whenAskedWithoutItems_thenEveryLineWhole() {
        fixture.givenNoPriorActivity()
                .when(ask(first, null))
                .expectEvents(requested(first, List.of(new RefundItem("product", lamp, 3), new RefundItem("product", desk, 1))));
    }

    @Test
    void givenAnotherUsersOrder_whenAsk_thenNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RequestOrderRefund(first, order, "broken", null, new Actor(UserId.random().value(), Set.of("customer"))))
                .expectException(domainError(ErrorKind.NOT_FOUND, "not_found"));
    }

    @Test
    void givenPendingOrder_whenAsk_thenNotEligible() {
        status = OrderStatus.PENDING;
        fixture.givenNoPriorActivity().when(ask(first, null))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_not_eligible"));
    }

    @Test
    void givenPaidFifteenDaysAgo_whenAsk_thenWindowClosed() {
        now = PAID.plus(Duration.ofDays(14)).plusSeconds(1);
        fixture.givenNoPriorActivity().when(ask(first, null))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_window_closed"));
    }

    @Test
    void givenCourseAtThirtyPercent_whenAsk_thenNotEligible_underItFine() {
        lines = List.of(line("course", course, 4_900, 1));
        progress = 30;
        fixture.givenNoPriorActivity().when(ask(first, null))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_not_eligible"));
        progress = 29;
        fixture.givenNoPriorActivity().when(ask(first, null))
                .expectEvents(requested(first, List.of(new RefundItem("course", course, 1))));
    }

    @Test
    void givenACourseAskedForUnderThirtyPercent_whenTheStudentWentOnBeforeTheApproval_thenNotEligible() {
        lines = List.of(line("course", course, 4_900, 1));
        progress = 10;
        RefundRequested asked = requested(first, List.of(new RefundItem("course", course, 1)));
        progress = 100;
        fixture.given(asked)
                .when(new ApproveRefund(order, first, support))
                .expectNoEvents().expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_not_eligible"));
        progress = 29;
        fixture.given(asked)
                .when(new ApproveRefund(order, first, support))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void givenOpenRequest_whenAskAgain_thenConflict() {
        fixture.given(requested(first, List.of(new RefundItem("product", lamp, 1))))
                .when(ask(second, List.of(new RefundItem("product", desk, 1))))
                .expectException(domainError(ErrorKind.CONFLICT, "refund_request_open"));
    }

    @Test
    void givenTwoLampsRefunded_whenAskForTwoMore_thenExceedsRemaining() {
        fixture.given(requested(first, List.of(new RefundItem("product", lamp, 2))),
                        approved(first, List.of(new RefundLineAmount(0, "product", lamp, 2, 2_000, 200, 180)), 2_000, 200, 180, 0, false))
                .when(ask(second, List.of(new RefundItem("product", lamp, 2))))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_exceeds_remaining"));
    }

    @Test
    void givenNoSuchLine_whenAsk_thenExceedsRemaining() {
        fixture.givenNoPriorActivity().when(ask(first, List.of(new RefundItem("product", course, 1))))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_exceeds_remaining"));
    }

    @Test
    void givenOneLampRequested_whenApprove_thenItsShareOfDiscountAndTax_andNoReturnYet() {
        // discount 500 over 3000:2001 → 300, 200 (the leftover cent to the larger remainder); tax 451 over 2700:1801 → 271, 180
        // whether the lamp comes back by a return is the order's answer (shipped or not), asked after the approval
        fixture.given(requested(first, List.of(new RefundItem("product", lamp, 1))))
                .when(new ApproveRefund(order, first, support))
                .expectEvents(approved(first, List.of(new RefundLineAmount(0, "product", lamp, 1, 1_000, 100, 90)), 1_000, 100, 90, 0, false));
    }

    /** A buyer who is also staff neither decides their own request nor records their own return; another one does. */
    @Test
    void givenTheBuyersOwnRequest_whenTheBuyerAsStaffDecidesIt_thenForbidden_andAnotherMemberOfStaffMay() {
        List<RefundItem> lampBack = List.of(new RefundItem("product", lamp, 1));
        Actor buyerAsStaff = new Actor(buyer.value(), Set.of("customer", "support", "admin"));
        fixture.given(requested(first, lampBack))
                .when(new ApproveRefund(order, first, buyerAsStaff))
                .expectNoEvents().expectException(domainError(ErrorKind.FORBIDDEN, "forbidden"));
        fixture.given(requested(first, lampBack))
                .when(new RejectRefund(order, first, "no", buyerAsStaff))
                .expectNoEvents().expectException(domainError(ErrorKind.FORBIDDEN, "forbidden"));
        fixture.given(requested(first, lampBack),
                        approved(first, List.of(new RefundLineAmount(0, "product", lamp, 1, 1_000, 100, 90)), 1_000, 100, 90, 0, false),
                        new ProductReturnOpened(first, order, buyer, lampBack))
                .when(new ReceiveReturn(order, first, "parcel-1", lampBack, buyerAsStaff))
                .expectNoEvents().expectException(domainError(ErrorKind.FORBIDDEN, "forbidden"));
        fixture.given(requested(first, lampBack))
                .when(new ApproveRefund(order, first, support))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void givenApproved_whenTheShippedUnitsAreSentBack_thenAReturnOpensOnce_butNotForARequestNotApproved() {
        List<RefundItem> lampBack = List.of(new RefundItem("product", lamp, 1));
        fixture.given(requested(first, lampBack),
                        approved(first, List.of(new RefundLineAmount(0, "product", lamp, 1, 1_000, 100, 90)), 1_000, 100, 90, 0, false))
                .when(new OpenProductReturn(order, first, lampBack))
                .expectEvents(new ProductReturnOpened(first, order, buyer, lampBack));
        fixture.given(requested(first, lampBack),
                        approved(first, List.of(new RefundLineAmount(0, "product", lamp, 1, 1_000, 100, 90)), 1_000, 100, 90, 0, false),
                        new ProductReturnOpened(first, order, buyer, lampBack))
                .when(new OpenProductReturn(order, first, lampBack))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(requested(first, lampBack))
                .when(new OpenProductReturn(order, first, lampBack))
                .expectNoEvents().expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
    }

    /**
     * A closed seller's units still to ship, in an order that goes on (another seller's desk in it): requested and
     * approved by the system at once, their share of discount and tax with them; sent again, nothing new.
     */
    @Test
    void givenTheLampsSellerClosed_whenTheirUnitsAreRefunded_thenRequestedAndApprovedByTheSystem_once() {
        status = OrderStatus.CONFIRMED;
        UserId seller = lines.get(0).vendorId();
        RefundRequestId id = RefundUnitsOfClosedSeller.idFor(order, seller);
        List<RefundItem> lamps = List.of(new RefundItem("product", lamp, 3));
        // discount 500 over 3000:2001 → 300 of it; tax 451 over 2700:1801 → 271; the shipping stays with the desk
        RefundApproved approved = new RefundApproved(id, order, "ORD-20261101-AB12", buyer,
                List.of(new RefundLineAmount(0, "product", lamp, 3, 3_000, 300, 271)), 3_000, 300, 271, 0, 2_971, "USD",
                false, "wallet", "wallet-ref", Actor.system().userId());
        RefundRequested requested = new RefundRequested(id, order, "ORD-20261101-AB12", buyer,
                "sealed-for-" + buyer.value() + ":" + RefundUnitsOfClosedSeller.REASON, lamps, "USD", "wallet");
        fixture.givenNoPriorActivity()
                .when(new RefundUnitsOfClosedSeller(order, seller))
                .expectEvents(requested, approved).expectResultMessagePayload(approved);
        fixture.given(requested, approved)
                .when(new RefundUnitsOfClosedSeller(order, seller))
                .expectNoEvents().expectResultMessagePayload(approved);
        // one lamp refunded before: the two left
        fixture.given(requested(first, List.of(new RefundItem("product", lamp, 1))),
                        approved(first, List.of(new RefundLineAmount(0, "product", lamp, 1, 1_000, 100, 90)), 1_000, 100, 90, 0, false))
                .when(new RefundUnitsOfClosedSeller(order, seller))
                .expectEvents(new RefundRequested(id, order, "ORD-20261101-AB12", buyer,
                                "sealed-for-" + buyer.value() + ":" + RefundUnitsOfClosedSeller.REASON,
                                List.of(new RefundItem("product", lamp, 2)), "USD", "wallet"),
                        new RefundApproved(id, order, "ORD-20261101-AB12", buyer,
                                List.of(new RefundLineAmount(0, "product", lamp, 2, 2_000, 200, 181)), 2_000, 200, 181, 0, 1_981,
                                "USD", false, "wallet", "wallet-ref", Actor.system().userId()));
    }

    @Test
    void givenNothingOfTheClosedSellersLeftToShip_orAnOrderNotConfirmed_whenRefunded_thenNothing() {
        UserId seller = lines.get(0).vendorId();
        status = OrderStatus.CONFIRMED;
        shippedItems = Set.of(lamp);
        fixture.givenNoPriorActivity().when(new RefundUnitsOfClosedSeller(order, seller))
                .expectNoEvents().expectResultMessagePayload(null);
        shippedItems = Set.of();
        fixture.givenNoPriorActivity().when(new RefundUnitsOfClosedSeller(order, UserId.random()))
                .expectNoEvents().expectResultMessagePayload(null);
        status = OrderStatus.SHIPPED;
        fixture.givenNoPriorActivity().when(new RefundUnitsOfClosedSeller(order, seller))
                .expectNoEvents().expectResultMessagePayload(null);
        // a card payment refunded outside requests has too little left: left for an admin
        status = OrderStatus.CONFIRMED;
        cardLeft = 2_970L;
        fixture.givenNoPriorActivity().when(new RefundUnitsOfClosedSeller(order, seller))
                .expectNoEvents().expectResultMessagePayload(null);
    }

    /**
     * A buyer's request open beside it stays open (another is still refused), and its approval, asking for a lamp the
     * closed seller's refund took meanwhile, is refused as exceeding what is left.
     */
    @Test
    void givenABuyersOpenRequest_whenTheClosedSellersUnitsAreRefunded_thenItStaysOpen_andItsApprovalFindsWhatIsLeft() {
        status = OrderStatus.CONFIRMED;
        UserId seller = lines.get(0).vendorId();
        RefundRequestId id = RefundUnitsOfClosedSeller.idFor(order, seller);
        RefundRequested asked = requested(first, List.of(new RefundItem("product", lamp, 1), new RefundItem("product", desk, 1)));
        RefundRequested system = new RefundRequested(id, order, "ORD-20261101-AB12", buyer,
                "sealed-for-" + buyer.value() + ":" + RefundUnitsOfClosedSeller.REASON, List.of(new RefundItem("product", lamp, 3)),
                "USD", "wallet");
        RefundApproved systemApproved = new RefundApproved(id, order, "ORD-20261101-AB12", buyer,
                List.of(new RefundLineAmount(0, "product", lamp, 3, 3_000, 300, 271)), 3_000, 300, 271, 0, 2_971, "USD",
                false, "wallet", "wallet-ref", Actor.system().userId());
        fixture.given(asked)
                .when(new RefundUnitsOfClosedSeller(order, seller))
                .expectEvents(system, systemApproved);
        fixture.given(asked, system, systemApproved)
                .when(ask(second, List.of(new RefundItem("product", desk, 1))))
                .expectException(domainError(ErrorKind.CONFLICT, "refund_request_open"));
        fixture.given(asked, system, systemApproved)
                .when(new ApproveRefund(order, first, support))
                .expectNoEvents().expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_exceeds_remaining"));
        fixture.given(asked, system, systemApproved)
                .when(new RejectRefund(order, first, "the lamp was refunded when its seller closed", support))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refundingLineByLine_addsUpToTheOrderTotalExactly() {
        RefundSplit.Result one = RefundSplit.of(lines, amounts, new int[] {0, 0}, new int[] {1, 0});
        RefundSplit.Result two = RefundSplit.of(lines, amounts, new int[] {1, 0}, new int[] {2, 0});
        RefundSplit.Result three = RefundSplit.of(lines, amounts, new int[] {3, 0}, new int[] {0, 1});
        assertThat(List.of(one.totalCents(), two.totalCents(), three.totalCents())).containsExactly(990L, 1_981L, 2_681L);
        assertThat(three.shippingCents()).isEqualTo(700);
        assertThat(three.wholeOrderRefunded()).isTrue();
        assertThat(one.totalCents() + two.totalCents() + three.totalCents()).isEqualTo(amounts.totalCents());
        RefundSplit.Result whole = RefundSplit.of(lines, amounts, new int[] {0, 0}, new int[] {3, 1});
        assertThat(whole.totalCents()).isEqualTo(5_652);
        assertThat(List.of(whole.itemsCents(), whole.discountCents(), whole.taxCents())).containsExactly(5_001L, 500L, 451L);
    }

    @Test
    void linesThatRecordWhatWasChargedOnThem_giveBackExactlyThat_whateverTheirTaxClass() {
        // US-CA: a course at 100.00 (untaxed) beside a lamp at 100.00 taxed 7.25 %, no discount, shipping 5.99
        List<OrderLine> mixed = List.of(line("course", course, 10_000, 1).charged(0, 0),
                line("product", lamp, 10_000, 1).charged(0, 725));
        OrderAmounts paid = new OrderAmounts(20_000, 0, 725, 599, 21_324, "USD");
        RefundSplit.Result courseOnly = RefundSplit.of(mixed, paid, new int[] {0, 0}, new int[] {1, 0});
        assertThat(List.of(courseOnly.taxCents(), courseOnly.totalCents())).containsExactly(0L, 10_000L);
        RefundSplit.Result lampOnly = RefundSplit.of(mixed, paid, new int[] {1, 0}, new int[] {0, 1});
        assertThat(List.of(lampOnly.taxCents(), lampOnly.shippingCents(), lampOnly.totalCents())).containsExactly(725L, 599L, 11_324L);
        assertThat(courseOnly.totalCents() + lampOnly.totalCents()).isEqualTo(paid.totalCents());

        // a coupon's share as checkout floored it (10.89 charged on the first line: 9.99 less 0.84, plus 1.74 tax)
        List<OrderLine> coupon = List.of(line("product", lamp, 999, 1).charged(84, 144),
                line("product", desk, 1_999, 1).charged(167, 348));
        OrderAmounts discounted = new OrderAmounts(2_998, 251, 492, 0, 3_239, "EUR");
        RefundSplit.Result first = RefundSplit.of(coupon, discounted, new int[] {0, 0}, new int[] {1, 0});
        assertThat(first.totalCents()).isEqualTo(999 - 84 + 144);
        RefundSplit.Result second = RefundSplit.of(coupon, discounted, new int[] {1, 0}, new int[] {0, 1});
        assertThat(first.totalCents() + second.totalCents()).isEqualTo(discounted.totalCents());
    }

    /**
     * The shipping comes back with the refund that leaves nothing to ship, before anything shipped: a course kept beside
     * it needs no parcel (before 2026-12-07 it came only with the refund of the last line, the course's, and a buyer who
     * kept the course paid for a parcel that never left; found by a walkthrough). Once a line has shipped, it comes with
     * the refund that completes the order, as before; and never twice.
     */
    @Test
    void theShippingComesBackWhenNothingIsLeftToShip_beforeAnythingShipped_once() {
        // US-CA: a course at 24.99 (untaxed) beside a lamp at 24.99 taxed 7.25 %, shipping 5.99
        List<OrderLine> mixed = List.of(line("course", course, 2_499, 1).charged(0, 0),
                line("product", lamp, 2_499, 1).charged(0, 181));
        OrderAmounts paid = new OrderAmounts(4_998, 0, 181, 599, 5_778, "USD");
        RefundSplit.Result lampFirst = RefundSplit.of(mixed, paid, new int[] {0, 0}, new int[] {0, 1}, false, false);
        assertThat(List.of(lampFirst.itemsCents(), lampFirst.taxCents(), lampFirst.shippingCents(), lampFirst.totalCents()))
                .containsExactly(2_499L, 181L, 599L, 3_279L);
        assertThat(lampFirst.wholeOrderRefunded()).isFalse();
        RefundSplit.Result courseAfter = RefundSplit.of(mixed, paid, new int[] {0, 1}, new int[] {1, 0}, false, true);
        assertThat(List.of(courseAfter.shippingCents(), courseAfter.totalCents())).containsExactly(0L, 2_499L);
        assertThat(courseAfter.wholeOrderRefunded()).isTrue();
        assertThat(lampFirst.totalCents() + courseAfter.totalCents()).isEqualTo(paid.totalCents());

        // the lamp shipped and came back: its parcel was sent, the shipping comes with the order's last refund
        RefundSplit.Result returned = RefundSplit.of(mixed, paid, new int[] {0, 0}, new int[] {0, 1}, true, false);
        assertThat(List.of(returned.shippingCents(), returned.totalCents())).containsExactly(0L, 2_680L);
        RefundSplit.Result last = RefundSplit.of(mixed, paid, new int[] {0, 1}, new int[] {1, 0}, true, false);
        assertThat(List.of(last.shippingCents(), last.totalCents())).containsExactly(599L, 3_098L);
        assertThat(returned.totalCents() + last.totalCents()).isEqualTo(paid.totalCents());

        // the course first: the lamp is still to ship, so no shipping yet; the lamp's refund completes the order
        RefundSplit.Result courseFirst = RefundSplit.of(mixed, paid, new int[] {0, 0}, new int[] {1, 0}, false, false);
        assertThat(courseFirst.shippingCents()).isZero();
        RefundSplit.Result lampLast = RefundSplit.of(mixed, paid, new int[] {1, 0}, new int[] {0, 1}, false, false);
        assertThat(lampLast.shippingCents()).isEqualTo(599);
        assertThat(courseFirst.totalCents() + lampLast.totalCents()).isEqualTo(paid.totalCents());
    }

    @Test
    void oddAmounts_sharesAlwaysAddUpToTheCent() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 500; round++) {
            long[] weights = random.longs(1 + random.nextInt(5), 0, 100_000).toArray();
            long amount = random.nextInt(50_000);
            assertThat(java.util.Arrays.stream(RefundSplit.allocate(amount, weights)).sum()).isEqualTo(amount);
        }
    }

    @Test
    void givenApproved_whenApproveAgainOrReject_thenInvalidTransition() {
        RefundApproved done = approved(first, List.of(new RefundLineAmount(0, "product", lamp, 1, 1_000, 100, 90)), 1_000, 100, 90, 0, false);
        fixture.given(requested(first, List.of(new RefundItem("product", lamp, 1))), done)
                .when(new ApproveRefund(order, first, support))
                .expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
        fixture.given(requested(first, List.of(new RefundItem("product", lamp, 1))), done)
                .when(new RejectRefund(order, first, "too late", support))
                .expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
    }

    /**
     * A retry of a decision whose answer was lost ({@code again}): the caller's own approval is answered as decided, and
     * their own rejection as done, with nothing applied; another member of staff's retry is still a decided request.
     */
    @Test
    void givenDecided_whenTheSameStaffRetriesALostAnswer_thenItIsAnsweredAsDecided_andNobodyElsesIs() {
        RefundApproved done = approved(first, List.of(new RefundLineAmount(0, "product", lamp, 1, 1_000, 100, 90)), 1_000, 100, 90, 0, false);
        Actor otherSupport = new Actor(UserId.random().value(), Set.of("support"));
        fixture.given(requested(first, List.of(new RefundItem("product", lamp, 1))), done)
                .when(new ApproveRefund(order, first, support, true))
                .expectNoEvents()
                .expectResultMessagePayload(done);
        fixture.given(requested(first, List.of(new RefundItem("product", lamp, 1))), done)
                .when(new ApproveRefund(order, first, otherSupport, true))
                .expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
        RefundRejected rejected = new RefundRejected(first, order, buyer, "sealed-for-" + buyer.value() + ":used", support.userId());
        fixture.given(requested(first, List.of(new RefundItem("product", lamp, 1))), rejected)
                .when(new RejectRefund(order, first, "used", support, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(requested(first, List.of(new RefundItem("product", lamp, 1))), rejected)
                .when(new ApproveRefund(order, first, support, true))
                .expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
    }

    @Test
    void givenRejected_whenApprove_thenInvalidTransition_andANewRequestMayBeMade() {
        RefundRejected rejected = new RefundRejected(first, order, buyer, "sealed-for-" + buyer.value() + ":used", support.userId());
        fixture.given(requested(first, List.of(new RefundItem("product", lamp, 1))), rejected)
                .when(new ApproveRefund(order, first, support))
                .expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
        fixture.given(requested(first, List.of(new RefundItem("product", lamp, 1))), rejected)
                .when(ask(second, List.of(new RefundItem("product", lamp, 3))))
                .expectEvents(requested(second, List.of(new RefundItem("product", lamp, 3))));
    }

    @Test
    void givenAnOpenRequest_whenTheOrderIsCancelled_thenClosedUndecided_andNeitherApprovedNorRejectedAfter() {
        RefundRequested open = requested(first, List.of(new RefundItem("product", lamp, 1)));
        RefundRequestClosed closed = new RefundRequestClosed(first, order, "ORD-20261206-CLOS", buyer);
        fixture.given(open) // the check after each request: the order is not cancelled
                .when(new CloseRefundRequestOfCancelledOrder(order, "ORD-20261206-CLOS"))
                .expectNoEvents();
        status = OrderStatus.CANCELLED;
        fixture.given(open)
                .when(new CloseRefundRequestOfCancelledOrder(order, "ORD-20261206-CLOS"))
                .expectEvents(closed);
        fixture.given(open, closed)
                .when(new ApproveRefund(order, first, support))
                .expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
        fixture.given(open, closed)
                .when(new RejectRefund(order, first, "too late", support))
                .expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
        fixture.given(open, closed)
                .when(new CloseRefundRequestOfCancelledOrder(order, "ORD-20261206-CLOS"))
                .expectNoEvents();
    }

    @Test
    void givenOnlyDecidedRequests_whenTheOrderIsCancelled_thenNothingChanges() {
        status = OrderStatus.CANCELLED;
        RefundApproved done = approved(first, List.of(new RefundLineAmount(0, "product", lamp, 1, 1_000, 100, 90)), 1_000, 100, 90, 0, false);
        fixture.given(requested(first, List.of(new RefundItem("product", lamp, 1))), done)
                .when(new CloseRefundRequestOfCancelledOrder(order, "ORD-20261206-CLOS"))
                .expectNoEvents();
    }

    @Test
    void givenRequested_whenCustomerApproves_thenForbidden() {
        fixture.given(requested(first, List.of(new RefundItem("product", lamp, 1))))
                .when(new ApproveRefund(order, first, buyerActor))
                .expectException(domainError(ErrorKind.FORBIDDEN, "forbidden"));
    }

    @Test
    void givenApproved_whenPaidTwice_thenOnePaidEvent() {
        fixture.given(requested(first, List.of(new RefundItem("product", lamp, 1))),
                        approved(first, List.of(new RefundLineAmount(0, "product", lamp, 1, 1_000, 100, 90)), 1_000, 100, 90, 0, false),
                        new RefundPaid(first, order, buyer, 990, "USD", "wallet"))
                .when(new MarkRefundPaid(order, first, "ref"))
                .expectNoEvents();
    }

    // --- card refunds that fail, and retries ---

    private final String paymentId = dev.stoa.api.payment.PaymentId.ofOrder(order).value();
    private final Actor admin = new Actor(UserId.random().value(), Set.of("admin"));

    private RefundApproved cardApproved(RefundRequestId id) {
        return new RefundApproved(id, order, "ORD-20261101-AB12", buyer,
                List.of(new RefundLineAmount(0, "product", lamp, 1, 1_000, 100, 90)), 1_000, 100, 90, 0, 990, "USD", false,
                "card", paymentId, support.userId());
    }

    private String attempt(RefundRequestId id, int n) { return OrderRefunds.paymentRefundId(id.value(), n); }

    private RefundFailed failed(RefundRequestId id, int n, String why) {
        return new RefundFailed(id, order, buyer, n, attempt(id, n), 990, "USD", why);
    }

    private Object[] approvedByCard() {
        return new Object[] {requested(first, List.of(new RefundItem("product", lamp, 1))), cardApproved(first),
                new ProductReturnOpened(first, order, buyer, List.of(new RefundItem("product", lamp, 1)))};
    }

    @Test
    void givenARequestApprovedByCard_whoseRefundIsStillOnItsWay_whenTheNextIsApproved_thenItCountsAsRefunded() {
        // 56.52 captured, 37.00 of it refunded outside refund requests (an admin): 19.52 left. The first request's 9.90
        // is approved and not at the payment yet; the second's 9.90 would make 19.80
        cardLeft = 1_952L;
        fixture.given(approvedByCard()).andGiven(requested(second, List.of(new RefundItem("product", lamp, 1))))
                .when(new ApproveRefund(order, second, support))
                .expectNoEvents().expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_exceeds_captured"));
        assertThat(approvedAsked).containsExactly(Map.of(attempt(first, 1), 990L));
        // a failed one is not on its way: its 9.90 is free again
        approvedAsked.clear();
        fixture.given(approvedByCard()).andGiven(failed(first, 1, "expired_or_canceled_card"),
                        requested(second, List.of(new RefundItem("product", lamp, 1))))
                .when(new ApproveRefund(order, second, support))
                .expectSuccessfulHandlerExecution();
        assertThat(approvedAsked).containsExactly(Map.of());
    }

    /**
     * An admin's refund of the order's card payment outside requests is decided here, where the approvals take the
     * card's room: an amount that leaves too little for an approved request still on its way to the payment is refused
     * before the payment is asked (it used to reach the payment first, and the request then failed for want of money).
     */
    @Test
    void givenARequestApprovedByCardOnItsWay_whenAnAdminRefundsThePaymentBesideIt_thenOnlyWhatIsLeftBesideItIsRefunded() {
        // 56.52 captured, 37.00 refunded before: 19.52 left, of which the approved request's 9.90 is on its way: 9.62
        cardLeft = 1_952L;
        PaymentId payment = new PaymentId(paymentId);
        String admin = UserId.random().value();
        fixture.given(approvedByCard())
                .when(new RefundOrderPayment(order, payment, "goodwill-1", 963, "goodwill", admin))
                .expectNoEvents().expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_exceeds_captured"));
        assertThat(sent).as("the payment is not asked").isEmpty();
        assertThat(approvedAsked).containsExactly(Map.of(attempt(first, 1), 990L));

        DirectRefundRecorded recorded = new DirectRefundRecorded(order, payment, "goodwill-1", 962, "USD", admin);
        fixture.given(approvedByCard())
                .when(new RefundOrderPayment(order, payment, "goodwill-1", 962, "goodwill", admin))
                .expectEvents(recorded).expectResultMessagePayload(962L);
        assertThat(sent).containsExactly(new RequestRefund(payment, "goodwill-1", 962L, "goodwill", admin));

        // the same refund again (a retried request): answered as recorded, the payment not asked again
        sent.clear();
        fixture.given(approvedByCard()).andGiven(recorded)
                .when(new RefundOrderPayment(order, payment, "goodwill-1", 962, "goodwill", admin))
                .expectNoEvents().expectResultMessagePayload(962L);
        assertThat(sent).isEmpty();

        // one the payment has already (asked for before the process died, retried under its Idempotency-Key): its
        // room is the payment's own, which answers its amount
        askedOfPayment.add("goodwill-2");
        fixture.given(approvedByCard())
                .when(new RefundOrderPayment(order, payment, "goodwill-2", 1_500, "goodwill", admin))
                .expectEvents(new DirectRefundRecorded(order, payment, "goodwill-2", 1_500, "USD", admin));
    }

    /** An order with no refund request yet: the admin's refund is the first event of its refunds. */
    @Test
    void givenNoRequestYet_whenAnAdminRefundsThePayment_thenItIsRecorded_andARequestAfterStillWorks() {
        cardLeft = 5_652L;
        PaymentId payment = new PaymentId(paymentId);
        String admin = UserId.random().value();
        DirectRefundRecorded recorded = new DirectRefundRecorded(order, payment, "goodwill-1", 500, "USD", admin);
        fixture.givenNoPriorActivity()
                .when(new RefundOrderPayment(order, payment, "goodwill-1", 500, "goodwill", admin))
                .expectEvents(recorded).expectResultMessagePayload(500L);
        fixture.given(recorded)
                .when(new RequestOrderRefund(first, order, "broken", List.of(new RefundItem("product", lamp, 1)), buyerActor))
                .expectSuccessfulHandlerExecution();
    }

    /** The refusal says what happened: all of the payment refunded, or part of it ("part" for all before 2026-12-06). */
    @Test
    void givenThePaymentRefundedWholeOutsideRequests_whenARequestIsMade_thenRefusedSayingAllOfItWas() {
        PaymentId payment = new PaymentId(paymentId);
        DirectRefundRecorded all = new DirectRefundRecorded(order, payment, "goodwill-1", 5_652, "USD", UserId.random().value());
        cardLeft = 0L;
        fixture.given(all)
                .when(new RequestOrderRefund(first, order, "broken", List.of(new RefundItem("product", lamp, 1)), buyerActor))
                .expectNoEvents().expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_exceeds_captured"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("has 0 left to refund (all of it was refunded"));
        cardLeft = 1_000L;
        fixture.given(all)
                .when(new RequestOrderRefund(first, order, "broken", List.of(new RefundItem("product", desk, 1)), buyerActor))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_exceeds_captured"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("(part of it was refunded"));
    }

    @Test
    void givenApprovedByCard_whenItsRefundFails_thenFailedWithTheReason_once() {
        fixture.given(approvedByCard())
                .when(new MarkRefundFailed(order, first, "refund-request-" + first.value(), "expired_or_canceled_card"))
                .expectEvents(failed(first, 1, "expired_or_canceled_card"));
        fixture.given(approvedByCard()).andGiven(failed(first, 1, "expired_or_canceled_card"))
                .when(new MarkRefundFailed(order, first, "refund-request-" + first.value(), "again"))
                .expectNoEvents();
    }

    /**
     * The order's cancellation gave back everything left first, this request's share included, and the payment refused
     * the request's own refund as too much: closed, its money paid by the cancellation (it failed before, and staff were
     * asked to retry it). An order not cancelled: failed, as any refusal. A stale attempt or a repeat: nothing.
     */
    @Test
    void givenApproved_whenItsRefundWasOvertakenByTheOrdersCancellation_thenClosed_elseFailed() {
        String attempt = "refund-request-" + first.value();
        fixture.given(approvedByCard())
                .when(new SettleRefundOvertakenByCancellation(order, first, attempt, "the payment cannot refund 990 cents"))
                .expectEvents(failed(first, 1, "the payment cannot refund 990 cents"));
        status = OrderStatus.CANCELLED;
        RefundRequestClosed closed = new RefundRequestClosed(first, order, "ORD-20261101-AB12", buyer);
        fixture.given(approvedByCard())
                .when(new SettleRefundOvertakenByCancellation(order, first, attempt, "the payment cannot refund 990 cents"))
                .expectEvents(closed);
        fixture.given(approvedByCard()).andGiven(closed)
                .when(new SettleRefundOvertakenByCancellation(order, first, attempt, "again"))
                .expectNoEvents();
        fixture.given(approvedByCard()).andGiven(closed)
                .when(new RetryRefund(order, first, admin))
                .expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
        fixture.given(approvedByCard())
                .when(new SettleRefundOvertakenByCancellation(order, first, "refund-request-" + first.value() + "-attempt-2", "stale"))
                .expectNoEvents();
        // an order closed by its refunds (every unit taken back) refunded nothing beyond its requests: this one fails, to
        // be retried or settled by an operator (it was closed, and the rest of its money was never refunded)
        refundingTheRest = false;
        fixture.given(approvedByCard())
                .when(new SettleRefundOvertakenByCancellation(order, first, attempt, "the payment cannot refund 990 cents"))
                .expectEvents(failed(first, 1, "the payment cannot refund 990 cents"));
        refundingTheRest = true;
        // a failed request whose payment staff then refunded whole has nothing left to pay: closed (it stayed failed
        // for good); a request not failed is not touched; and a refusal after the payment was refunded whole closes too
        status = OrderStatus.DELIVERED;
        RefundFailed lost = failed(first, 1, "the payment cannot refund 990 cents");
        fixture.given(approvedByCard()).andGiven(lost)
                .when(new CloseRefundsPaidOtherwise(order))
                .expectEvents(closed);
        fixture.given(approvedByCard())
                .when(new CloseRefundsPaidOtherwise(order))
                .expectNoEvents();
        cardRefundedWhole = true;
        cardLeft = 0L; // an order paid by card, with nothing left on it
        fixture.given(approvedByCard())
                .when(new SettleRefundOvertakenByCancellation(order, first, attempt, "the payment cannot refund 990 cents"))
                .expectEvents(closed);
        cardRefundedWhole = false;
        cardLeft = null;
        status = OrderStatus.CANCELLED;
        // a second request, open when this one was closed, is still closed by the cancellation
        fixture.given(approvedByCard()).andGiven(requested(second, List.of(new RefundItem("product", lamp, 1))), closed)
                .when(new CloseRefundRequestOfCancelledOrder(order, "ORD-20261101-AB12"))
                .expectEvents(new RefundRequestClosed(second, order, "ORD-20261101-AB12", buyer));
    }

    @Test
    void givenPaidByCard_whenItsRefundFailsAfterAll_thenFailed_andStaffMayRetry_butAStaleAttemptChangesNothing() {
        RefundPaid paid = new RefundPaid(first, order, buyer, 990, "USD", "card");
        fixture.given(approvedByCard()).andGiven(paid)
                .when(new MarkRefundFailed(order, first, "refund-request-" + first.value(), "expired_or_canceled_card"))
                .expectEvents(failed(first, 1, "expired_or_canceled_card"));
        fixture.given(approvedByCard()).andGiven(paid, failed(first, 1, "expired_or_canceled_card"))
                .when(new RetryRefund(order, first, admin))
                .expectSuccessfulHandlerExecution();
        fixture.given(approvedByCard()).andGiven(paid)
                .when(new MarkRefundFailed(order, first, attempt(first, 2), "not this request's attempt"))
                .expectNoEvents();
    }

    @Test
    void givenFailed_whenStaffRetries_thenANewAttemptUnderItsOwnRefundId_andItsFailureFailsItAgain() {
        fixture.given(approvedByCard()).andGiven(failed(first, 1, "lost_or_stolen_card"))
                .when(new RetryRefund(order, first, admin))
                .expectEvents(new RefundRetried(first, order, "ORD-20261101-AB12", buyer, 2,
                        "refund-request-" + first.value() + "-attempt-2", 990, "USD", "card", paymentId, admin.userId()));
        RefundRetried retried = new RefundRetried(first, order, "ORD-20261101-AB12", buyer, 2, attempt(first, 2), 990, "USD",
                "card", paymentId, admin.userId());
        fixture.given(approvedByCard()).andGiven(failed(first, 1, "lost_or_stolen_card"), retried)
                .when(new MarkRefundFailed(order, first, attempt(first, 1), "a stale word of the first attempt"))
                .expectNoEvents();
        fixture.given(approvedByCard()).andGiven(failed(first, 1, "lost_or_stolen_card"), retried)
                .when(new MarkRefundFailed(order, first, attempt(first, 2), "unknown"))
                .expectEvents(failed(first, 2, "unknown"));
        fixture.given(approvedByCard()).andGiven(failed(first, 1, "lost_or_stolen_card"), retried)
                .when(new MarkRefundPaid(order, first, "re_2"))
                .expectEvents(new RefundPaid(first, order, buyer, 990, "USD", "card"));
    }

    @Test
    void retryingWhatHasNotFailed_isAConflict_andACustomerMayNotRetry() {
        fixture.given(approvedByCard())
                .when(new RetryRefund(order, first, admin))
                .expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
        fixture.given(approvedByCard()).andGiven(failed(first, 1, "x"), new RefundRetried(first, order, "ORD-20261101-AB12",
                        buyer, 2, attempt(first, 2), 990, "USD", "card", paymentId, admin.userId()))
                .when(new RetryRefund(order, first, support))
                .expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
        fixture.given(approvedByCard()).andGiven(failed(first, 1, "x"))
                .when(new RetryRefund(order, first, buyerActor))
                .expectException(domainError(ErrorKind.FORBIDDEN, "forbidden"));
    }

    // --- returns received ---

    private ReceiveReturn receive(String receipt, int lamps, Actor by) {
        return new ReceiveReturn(order, first, receipt, List.of(new RefundItem("product", lamp, lamps)), by);
    }

    @Test
    void givenAReturnOfTwoLamps_whenOneArrivesThenTheOther_thenEachParcelRecorded_theLastCompletesIt() {
        Object[] opened = {requested(first, List.of(new RefundItem("product", lamp, 2))), cardApproved(first),
                new ProductReturnOpened(first, order, buyer, List.of(new RefundItem("product", lamp, 2)))};
        fixture.given(opened)
                .when(receive("p1", 1, support))
                .expectEvents(new ProductReturnReceived(first, order, buyer, "p1", List.of(new RefundItem("product", lamp, 1)), false,
                        support.userId()));
        ProductReturnReceived one = new ProductReturnReceived(first, order, buyer, "p1", List.of(new RefundItem("product", lamp, 1)),
                false, support.userId());
        fixture.given(opened).andGiven(one)
                .when(receive("p2", 1, admin))
                .expectEvents(new ProductReturnReceived(first, order, buyer, "p2", List.of(new RefundItem("product", lamp, 1)), true,
                        admin.userId()));
        fixture.given(opened).andGiven(one)
                .when(receive("p1", 1, support))
                .expectNoEvents();
        fixture.given(opened).andGiven(one)
                .when(receive("p3", 2, support))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "return_exceeds_opened"));
    }

    @Test
    void receivingWhatWasNotReturned_isRefused() {
        fixture.given(approvedByCard())
                .when(new ReceiveReturn(order, first, "p1", List.of(new RefundItem("product", desk, 1)), support))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "return_exceeds_opened"));
        fixture.given(requested(first, List.of(new RefundItem("product", lamp, 1))))
                .when(receive("p1", 1, support))
                .expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
        fixture.given(approvedByCard())
                .when(receive("p1", 1, buyerActor))
                .expectException(domainError(ErrorKind.FORBIDDEN, "forbidden"));
    }
}
