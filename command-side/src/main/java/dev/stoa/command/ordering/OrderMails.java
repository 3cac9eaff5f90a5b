package dev.stoa.command.ordering;

import dev.stoa.api.platform.Money;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.OrderConfirmed;
import dev.stoa.api.ordering.OrderLinesShipped;
import dev.stoa.api.ordering.OrderLinesWithdrawn;
import dev.stoa.api.ordering.OrderShipped;
import dev.stoa.api.ordering.WithdrawnUnits;
import dev.stoa.api.ordering.OrderStatus;
import dev.stoa.api.ordering.CancelOrder;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.command.payment.DeclinedCardOrders;
import dev.stoa.api.notification.NotificationId;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.OrderPlaced;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The buyer's mails about an order: confirmation once paid, shipped with the tracking numbers, cancelled with the
 * reason and what of the payment comes back (less what refunds gave back before: {@link CancellationRefund}). Named after the event that caused them, so a redelivered event sends nothing more; never on a replay, and
 * not for events older than {@link BuyerMails#MAX_AGE} (a processor deployed over an existing history must not mail it).
 */
@Component
@ProcessingGroup(OrderMails.NAME)
@DisallowReplay
class OrderMails {
    static final String NAME = "order-mail";
    static final String VENDOR_PAID = "vendor-order-paid";
    static final String VENDOR_CANCELLED = "vendor-order-cancelled";
    static final String VENDOR_WITHDRAWN = "vendor-units-withdrawn";
    static final String VENDOR_RETURNING = "vendor-units-returning";
    static final String PARCEL_SHIPPED = "order-parcel-shipped";
    private final BuyerMails mails;
    private final PersonalData personal;
    private final String publicUrl;
    private final EventStore events;

    OrderMails(BuyerMails mails, PersonalData personal, EventStore events,
               @Value("${stoa.public-url:http://localhost:8080}") String publicUrl) {
        this.mails = mails;
        this.personal = personal;
        this.events = events;
        this.publicUrl = publicUrl;
    }

    /** The buyer's confirmation, and each vendor's lines to ship (one handler: Axon calls one per event and class). */
    @EventHandler
    void on(OrderConfirmed e, EventMessage<?> message) {
        send("order-confirmation", e.buyer().value(), message, Map.of("orderNumber", e.orderNumber(),
                "total", amount(e.paidCents(), e.currency()), "orderUrl", url(e.orderId().value())));
        toVendors(e, message);
    }

    /**
     * Each vendor with product lines in the paid order is told what to ship: their own lines only (name, SKU, units;
     * never the buyer's name or address, which their order view shows them), one mail per vendor and event. Before
     * 2026-12-06 (ninth session) no vendor was mailed: they had to poll their order list (found by a walkthrough).
     */
    private void toVendors(OrderConfirmed e, EventMessage<?> message) {
        List<OrderLine> all = PlacedOrders.of(events, e.orderId()).map(OrderPlaced::lines).orElse(List.of());
        // what the order ships (Order's own rule): a digital product beside physical ones comes with the order and is
        // not the vendor's to ship (it was counted "to ship" before 2026-12-07; found by a walkthrough)
        java.util.Set<OrderLine> ships = java.util.Set.copyOf(Order.shippable(all, Map.of()));
        Map<String, List<OrderLine>> byVendor = new LinkedHashMap<>();
        for (OrderLine line : all)
            if (OrderLine.PRODUCT.equals(line.itemType()))
                byVendor.computeIfAbsent(line.vendorId().value(), v -> new ArrayList<>()).add(line);
        byVendor.forEach((vendor, lines) -> {
            List<OrderLine> toShip = lines.stream().filter(ships::contains).toList();
            List<OrderLine> withIt = lines.stream().filter(l -> !ships.contains(l)).toList();
            int units = toShip.stream().mapToInt(OrderLine::quantity).sum();
            mails.send(VENDOR_PAID, vendor, NotificationId.derivedFrom(VENDOR_PAID, message.getIdentifier(), vendor),
                    message, Map.of("orderNumber", e.orderNumber(),
                            "units", units == 0 ? "nothing" : units == 1 ? "1 unit" : units + " units",
                            "lines", texts(toShip), "alsoSold", texts(withIt), // nothing to ship: no "(none)" list (Z32)
                            "orderUrl", url(e.orderId().value()),
                            "toShipUrl", publicUrl + "/api/v1/vendors/me/orders?status=confirmed"));
        });
    }

    private static String texts(List<OrderLine> lines) { return texts(lines, Map.of()); }

    /** The lines, each with its units less what refunds took out ({@code withdrawn}, by item). */
    private static String texts(List<OrderLine> lines, Map<String, Integer> withdrawn) {
        return lines.stream().map(l -> lineText(l, l.quantity() - withdrawn.getOrDefault(l.itemId(), 0)))
                .collect(Collectors.joining("\n"));
    }

    /**
     * A parcel that leaves while the order ships more (another vendor's lines, or the same vendor's later): the buyer is
     * told what is on its way, with its tracking number. The parcel that completes the order is told by
     * {@code order-shipped} (its {@link OrderShipped} follows in the same step), and lines no parcel carries are not a
     * parcel. Before 2026-12-07 a buyer of several vendors heard nothing until the last one shipped.
     */
    @EventHandler
    void on(OrderLinesShipped e, org.axonframework.eventhandling.DomainEventMessage<?> message) {
        if (e.trackingNumber() == null) return;
        List<? extends org.axonframework.eventhandling.DomainEventMessage<?>> history =
                events.readEvents(e.orderId().value(), 0).asStream().toList();
        OrderPlaced placed = null;
        Map<String, Integer> withdrawn = new java.util.HashMap<>();
        boolean after = false;
        for (org.axonframework.eventhandling.DomainEventMessage<?> event : history) {
            Object payload = event.getPayload();
            if (after) {
                if (payload instanceof OrderShipped) return; // the last parcel: order-shipped says it
                if (payload instanceof OrderLinesShipped next && next.trackingNumber() != null) break; // another parcel
            } else if (event.getSequenceNumber() == message.getSequenceNumber()) {
                after = true;
            } else if (payload instanceof OrderPlaced p) {
                placed = p;
            } else if (payload instanceof OrderLinesWithdrawn w && w.units() != null) {
                w.units().forEach(u -> withdrawn.merge(u.itemId(), u.quantity(), Integer::sum));
            }
        }
        if (placed == null) return;
        String lines = placed.lines().stream().filter(l -> e.itemIds().contains(l.itemId()))
                .map(l -> "- " + (l.quantity() - withdrawn.getOrDefault(l.itemId(), 0)) + " x " + l.nameSnapshot())
                .collect(Collectors.joining("\n"));
        send(PARCEL_SHIPPED, placed.buyer().value(), message, Map.of("orderNumber", placed.orderNumber(),
                "lines", lines, "trackingNumber", e.trackingNumber(), "orderUrl", url(e.orderId().value())));
    }

    @EventHandler
    void on(OrderShipped e, EventMessage<?> message) {
        send("order-shipped", e.buyer().value(), message, Map.of("orderNumber", e.orderNumber(),
                "trackingNumbers", String.join(", ", e.trackingNumbers()), "orderUrl", url(e.orderId().value())));
    }

    @EventHandler
    void on(OrderCancelled e, EventMessage<?> message) {
        toVendorsOf(e, message);
        String buyer = e.buyer().value();
        // a card's decline: PaymentMails' payment-failed mail says it, with why
        if (DeclinedCardOrders.declined(e, events, personal)) return;
        String reason = switch (e.reason()) {
            case CancelOrder.EXPIRED -> "it was not paid in time";
            case CancelOrder.USER_DEACTIVATED -> "the account was closed";
            case CancelOrder.PAYMENT_REFUNDED -> "its payment was refunded";
            case CancelOrder.REFUNDED -> "it was refunded in full";
            // unpaid as far as the order knows; a card payment that arrives anyway is refunded (payment-process)
            case CancelOrder.SELLER_CLOSED -> e.paidCents() > 0 ? "a seller of the order closed their shop"
                    : "a seller of the order closed their shop before it was paid; should a card payment for it still "
                            + "go through, it is refunded"; // it read "a payment you made for it is refunded" (Z13)
            default -> {
                String opened = personal.open(buyer, e.reason());
                // the platform's payment_failed (sealed as a buyer's words are): a card payment the gateway would not
                // even start (an amount under its minimum or over its maximum), which the checkout answered 422; the
                // mail read "payment_failed" before 2026-12-07 (walkthrough Z9); or a wallet that refused the debit
                // (too little in it), whose mail spoke of a card before 2026-12-07 evening (Z30)
                if (!Actor.system().userId().equals(e.cancelledBy()) || !CancelOrder.PAYMENT_FAILED.equals(opened)) yield opened;
                yield PlaceOrder.WALLET.equals(e.paymentMethod())
                        ? "your wallet could not pay for it, and nothing was taken from it"
                        : "its card payment could not be started, and nothing was charged";
            }
        };
        // what comes back: the payment less what refunds gave back before (all of it: nothing more to say); not known
        // yet while an approved refund request's refund is on its way: then the mail promises the rest, no amount
        long refund = CancellationRefund.cents(events, e);
        boolean notKnownYet = refund == CancellationRefund.NOT_KNOWN_YET;
        send("order-cancelled", buyer, message, Map.of("orderNumber", e.orderNumber(), "reason", reason,
                "refund", refund > 0 ? amount(refund, e.currency()) : "",
                "refundedBefore", refund > 0 && refund < e.paidCents() ? amount(e.paidCents() - refund, e.currency()) : "",
                "back", back(e.paymentMethod()),
                "restAfterApprovedRefund", notKnownYet ? "yes" : "",
                "orderUrl", url(e.orderId().value())));
    }

    /**
     * Each vendor told to ship lines of a paid order ({@link #toVendors}) is told when it is cancelled with lines of
     * theirs not shipped: not to ship them (the lines, never the buyer's name, address or reason). Before 2026-12-07 the
     * only word was the order's status in their list, and a vendor might pack a parcel nobody had paid for any more
     * (walkthrough Z9). Nothing for an order cancelled before it was paid: no vendor was mailed for it.
     */
    private void toVendorsOf(OrderCancelled e, EventMessage<?> message) {
        if (OrderStatus.PENDING.value().equals(e.previousStatus())) return;
        java.util.Set<String> shipped = e.shippedItemIds() == null ? java.util.Set.of() : java.util.Set.copyOf(e.shippedItemIds());
        Map<String, Integer> withdrawn = e.withdrawnUnits() == null ? Map.of() : e.withdrawnUnits();
        Map<String, List<OrderLine>> byVendor = new LinkedHashMap<>();
        for (OrderLine line : e.lines())
            if (OrderLine.PRODUCT.equals(line.itemType()) && !shipped.contains(line.itemId())
                    && line.quantity() > withdrawn.getOrDefault(line.itemId(), 0)) // refunds took some out before
                byVendor.computeIfAbsent(line.vendorId().value(), v -> new ArrayList<>()).add(line);
        // what the order ships (Order's own rule, as the paid mail says it): a digital line is cancelled with the rest,
        // not "do not ship it", which its vendor read before 2026-12-07 evening (walkthrough Z22)
        java.util.Set<OrderLine> ships = java.util.Set.copyOf(Order.shippable(e.lines(), Map.of()));
        byVendor.forEach((vendor, lines) -> {
            String toStop = texts(lines.stream().filter(ships::contains).toList(), withdrawn);
            mails.send(VENDOR_CANCELLED, vendor, NotificationId.derivedFrom(VENDOR_CANCELLED, message.getIdentifier(), vendor),
                    message, Map.of("orderNumber", e.orderNumber(), "stop", toStop.isEmpty() ? "" : ": do not ship it",
                            "lines", toStop, "alsoCancelled", texts(lines.stream().filter(l -> !ships.contains(l)).toList(), withdrawn),
                            "orderUrl", url(e.orderId().value())));
        });
    }

    /**
     * Each vendor whose physical units a refund took out of a paid order before they shipped is told to ship that many
     * fewer (their lines only); each whose shipped units it paid back, that the buyer sends them back. Before 2026-12-07 only their own attempt to ship told them, 409 "nothing left to ship"
     * (walkthroughs Z9, Z10). A digital product's or a course's units are taken out whatever shipped: nothing to say.
     */
    @EventHandler
    void on(OrderLinesWithdrawn e, EventMessage<?> message) {
        boolean withdrawn = e.units() != null && !e.units().isEmpty();
        boolean sentBack = e.unitsSentBack() != null && !e.unitsSentBack().isEmpty();
        if (!withdrawn && !sentBack) return;
        Optional<OrderPlaced> placed = PlacedOrders.of(events, e.orderId());
        if (placed.isEmpty()) return;
        Map<String, OrderLine> byItem = new LinkedHashMap<>();
        for (OrderLine line : placed.get().lines()) byItem.put(line.itemId(), line);
        if (withdrawn) toVendors(VENDOR_WITHDRAWN, e.units(), byItem, placed.get().orderNumber(), e, message);
        // and each whose shipped units it paid back: the buyer sends them back (before 2026-12-07 the vendor heard
        // nothing, and saw their stock rise when the return was received; walkthrough Z21)
        if (sentBack) toVendors(VENDOR_RETURNING, e.unitsSentBack(), byItem, placed.get().orderNumber(), e, message);
    }

    /** One mail {@code template} per vendor with physical units among {@code units}: their own lines only. */
    private void toVendors(String template, List<WithdrawnUnits> units, Map<String, OrderLine> byItem, String number,
                           OrderLinesWithdrawn e, EventMessage<?> message) {
        Map<String, List<String>> byVendor = new LinkedHashMap<>();
        for (WithdrawnUnits some : units) {
            OrderLine line = byItem.get(some.itemId());
            if (line == null || !line.physical() || some.quantity() <= 0) continue;
            byVendor.computeIfAbsent(line.vendorId().value(), v -> new ArrayList<>()).add(lineText(line, some.quantity()));
        }
        byVendor.forEach((vendor, lines) -> mails.send(template, vendor,
                NotificationId.derivedFrom(template, message.getIdentifier(), vendor), message,
                Map.of("orderNumber", number, "lines", String.join("\n", lines), "orderUrl", url(e.orderId().value()))));
    }

    /** One of a vendor's lines in a mail: units, name, SKU, and whether it is digital. */
    private static String lineText(OrderLine line, int units) {
        return "- " + units + " x " + line.nameSnapshot() + " (SKU " + line.skuSnapshot()
                + (line.physical() ? "" : ", digital") + ")";
    }

    /**
     * Where the money goes: a wallet's comes back at once, with no mail of its own (a card's refund mails when the
     * gateway paid it). Before 2026-12-06 (ninth session) a wallet buyer read "will be refunded", and was never told it
     * had been (found by a walkthrough).
     */
    private static String back(String paymentMethod) {
        if (dev.stoa.api.ordering.PlaceOrder.WALLET.equals(paymentMethod)) return "goes back to your Stoa wallet";
        if (dev.stoa.api.ordering.PlaceOrder.CARD.equals(paymentMethod)) return "will be refunded to your card";
        return "will be refunded";
    }

    private void send(String template, String buyer, EventMessage<?> message, Map<String, Object> model) {
        mails.send(template, buyer, message, model);
    }

    private String url(String orderId) { return publicUrl + "/orders/" + orderId; }

    private static String amount(long cents, String currency) { return Money.format(cents, currency); }
}
