package dev.stoa.command.ordering;

import dev.stoa.api.ordering.OrderAmounts;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.ordering.ShippingAddress;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.Ids;
import dev.stoa.api.platform.Money;
import dev.stoa.api.platform.PersonalData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a new order must satisfy: well-formed lines, amounts that add up, an address where something is shipped. */
final class OrderRules {
    static final int MAX_LINES = 100;
    private static final Set<String> PAYMENT_METHODS = Set.of(PlaceOrder.CARD, PlaceOrder.WALLET);

    private OrderRules() {}

    static void validate(PlaceOrder cmd) {
        if (cmd.buyer() == null) throw DomainException.badInput("buyer is required");
        if (!PAYMENT_METHODS.contains(cmd.paymentMethod())) throw DomainException.badInput("paymentMethod must be card or wallet");
        List<OrderLine> lines = cmd.lines();
        if (lines == null || lines.isEmpty()) throw DomainException.badInput("an order needs at least one line");
        if (lines.size() > MAX_LINES) throw DomainException.badInput("at most " + MAX_LINES + " lines");
        Set<String> seen = new HashSet<>();
        long subtotal = 0;
        for (OrderLine line : lines) {
            line(line);
            if (!seen.add(line.itemType() + ":" + line.itemId())) throw DomainException.badInput("item " + line.itemId() + " is on two lines");
            subtotal = Math.addExact(subtotal, line.lineTotalCents());
        }
        amounts(cmd.amounts(), subtotal, lines.stream().anyMatch(OrderLine::physical));
        if (lines.stream().anyMatch(OrderLine::physical) && cmd.shippingAddress() == null)
            throw new DomainException(ErrorCode.SHIPPING_ADDRESS_REQUIRED, "the order has a physical item: a shipping address is required");
        if (cmd.shippingAddress() != null) address(cmd.shippingAddress());
        text(cmd.couponCode(), "couponCode", 64);
        text(cmd.notes(), "notes", 1000);
    }

    private static void line(OrderLine line) {
        if (line == null) throw DomainException.badInput("a line is missing");
        if (!OrderLine.PRODUCT.equals(line.itemType()) && !OrderLine.COURSE.equals(line.itemType()))
            throw DomainException.badInput("itemType must be product or course");
        try {
            Ids.uuid(line.itemId(), "itemId");
        } catch (IllegalArgumentException e) {
            throw DomainException.badInput(e.getMessage());
        }
        if (line.vendorId() == null) throw DomainException.badInput("every line needs its vendorId");
        if (line.nameSnapshot() == null || line.nameSnapshot().isBlank()) throw DomainException.badInput("nameSnapshot is required");
        text(line.nameSnapshot(), "nameSnapshot", 200);
        text(line.skuSnapshot(), "skuSnapshot", 64);
        if (line.unitPriceCents() < 0) throw DomainException.badInput("unitPriceCents must not be negative");
        if (line.quantity() < 1 || line.quantity() > 10_000) throw DomainException.badInput("quantity must be 1 to 10000");
        if (OrderLine.COURSE.equals(line.itemType()) && (line.quantity() != 1 || line.physical()))
            throw DomainException.badInput("a course is bought once and is not shipped");
        if (line.lineTotalCents() != Math.multiplyExact(line.unitPriceCents(), (long) line.quantity()))
            throw DomainException.badInput("lineTotalCents of " + line.itemId() + " must be unitPriceCents × quantity");
    }

    private static void amounts(OrderAmounts a, long subtotal, boolean physical) {
        if (a == null) throw DomainException.badInput("amounts are required");
        if (!Money.isCurrency(a.currency())) throw DomainException.badInput("currency must be " + Money.CURRENCY_RULE);
        if (a.subtotalCents() < 0 || a.discountCents() < 0 || a.taxCents() < 0 || a.shippingCents() < 0 || a.totalCents() < 0)
            throw DomainException.badInput("amounts must not be negative");
        if (a.subtotalCents() != subtotal)
            throw DomainException.badInput("subtotalCents " + a.subtotalCents() + " is not the sum of the lines, " + subtotal);
        if (a.discountCents() > a.subtotalCents()) throw DomainException.badInput("discountCents must not exceed subtotalCents");
        if (!physical && a.shippingCents() != 0) throw DomainException.badInput("no shipping for an order with no physical item");
        long total = a.subtotalCents() - a.discountCents() + a.taxCents() + a.shippingCents();
        if (a.totalCents() != total)
            throw DomainException.badInput("totalCents " + a.totalCents() + " is not subtotal - discount + tax + shipping, " + total);
    }

    private static void address(ShippingAddress a) {
        required(a.streetLine1(), "shippingAddress.streetLine1", 200);
        text(a.streetLine2(), "shippingAddress.streetLine2", 200);
        required(a.city(), "shippingAddress.city", 100);
        text(a.state(), "shippingAddress.state", 100);
        required(a.postalCode(), "shippingAddress.postalCode", 20);
        text(a.recipientName(), "shippingAddress.recipientName", 250); // the account's first and last name, 100 each, fit
        // the shape only: the address book checked the code when the address was saved, and one saved before that check
        // (2026-12-05) still ships
        if (a.countryCode() == null || !a.countryCode().matches("[A-Z]{2}"))
            throw DomainException.badInput("shippingAddress.countryCode must be an ISO 3166-1 alpha-2 code such as DE");
    }

    /** The address with its personal fields sealed with the buyer's key (the country stays readable). */
    static ShippingAddress sealed(ShippingAddress a, String buyerId, PersonalData personal) {
        if (a == null) return null;
        return new ShippingAddress(personal.seal(buyerId, a.recipientName()), personal.seal(buyerId, a.streetLine1()),
                personal.seal(buyerId, a.streetLine2()), personal.seal(buyerId, a.city()), personal.seal(buyerId, a.state()),
                personal.seal(buyerId, a.postalCode()), a.countryCode());
    }

    private static void required(String value, String field, int max) {
        if (value == null || value.isBlank()) throw DomainException.badInput(field + " is required");
        text(value, field, max);
    }

    static void text(String value, String field, int max) {
        if (value != null && value.length() > max) throw DomainException.badInput(field + " must be at most " + max + " characters");
    }
}
