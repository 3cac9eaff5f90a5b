package dev.stoa.projection.ordering;

import dev.stoa.api.platform.PersonalData;
import dev.stoa.projection.platform.NewRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of one order: its amounts, status, shipping address (opened) and why it was cancelled. */
@Entity
@Table(name = "order_view")
public class OrderEntity extends NewRow<String> {
    @Id
    private String id;
    @Column(name = "order_number") private String orderNumber;
    @Column(name = "buyer_id") private String buyerId;
    private String status;
    @Column(name = "subtotal_cents") private long subtotalCents;
    @Column(name = "discount_cents") private long discountCents;
    @Column(name = "tax_cents") private long taxCents;
    @Column(name = "shipping_cents") private long shippingCents;
    @Column(name = "total_cents") private long totalCents;
    private String currency;
    @Column(name = "coupon_code") private String couponCode;
    @Column(name = "payment_method") private String paymentMethod;
    @Column(name = "payment_reference") private String paymentReference;
    @Column(name = "recipient_name") private String recipientName;
    @Column(name = "street_line1") private String streetLine1;
    @Column(name = "street_line2") private String streetLine2;
    private String city;
    private String state;
    @Column(name = "postal_code") private String postalCode;
    @Column(name = "country_code") private String countryCode;
    private String notes;
    @Column(name = "cancel_reason") private String cancelReason;
    @Column(name = "placed_at") private Instant placedAt;
    @Column(name = "hold_until") private Instant holdUntil;
    @Column(name = "updated_at") private Instant updatedAt;
    /** How many entries its history has: the next entry's number, without counting them. */
    @Column(name = "history_size") private int historySize;

    protected OrderEntity() {}

    public OrderEntity(String id, String orderNumber, String buyerId, Instant placedAt) {
        this.id = id;
        this.orderNumber = orderNumber;
        this.buyerId = buyerId;
        this.placedAt = placedAt;
        this.updatedAt = placedAt;
        this.status = "pending";
    }

    public void amounts(long subtotal, long discount, long tax, long shipping, long total, String currency) {
        subtotalCents = subtotal;
        discountCents = discount;
        taxCents = tax;
        shippingCents = shipping;
        totalCents = total;
        this.currency = currency;
    }

    public void checkout(String couponCode, String paymentMethod, String notes, Instant holdUntil) {
        this.couponCode = couponCode;
        this.paymentMethod = paymentMethod;
        this.notes = notes;
        this.holdUntil = holdUntil;
    }

    public void address(String name, String line1, String line2, String city, String state, String postalCode, String country) {
        recipientName = name;
        streetLine1 = line1;
        streetLine2 = line2;
        this.city = city;
        this.state = state;
        this.postalCode = postalCode;
        countryCode = country;
    }

    public void status(String status, Instant at) {
        this.status = status;
        updatedAt = at;
    }

    /** The number of the history entry the order's next status gets (0 for its placement). */
    public int nextHistoryEntry() { return historySize++; }

    /**
     * Paid under this reference. An order that cost nothing (reference {@code free-<orderId>}) was paid by nothing,
     * whatever method its checkout named: its method reads {@code free}, as its payment does (before 2026-12-06, seventh
     * session, it read the method asked for; found by a walkthrough).
     */
    public void paid(String reference) {
        paymentReference = reference;
        if (("free-" + id).equals(reference)) paymentMethod = "free";
    }

    public void cancelled(String reason) { cancelReason = reason; }

    /**
     * The buyer was erased: each personal field that holds a value reads {@link PersonalData#ERASED}, as opening it with
     * the destroyed key does. So the row ends the same whether the erasure (the user's event) is handled before or after
     * the order's own events, which another segment may handle later. The country stays, for the books, and so does a
     * cancellation reason that is not the buyer's words ({@code reasonIsPersonal} false).
     */
    public void anonymise(boolean reasonIsPersonal) {
        address(erased(recipientName), erased(streetLine1), erased(streetLine2), erased(city), erased(state),
                erased(postalCode), countryCode);
        notes = erased(notes);
        if (reasonIsPersonal) cancelReason = erased(cancelReason);
    }

    private static String erased(String value) { return value == null ? null : PersonalData.ERASED; }

    public boolean hasAddress() { return streetLine1 != null || countryCode != null; }

    @Override
    public String getId() { return id; }
    public String getOrderNumber() { return orderNumber; }
    public String getBuyerId() { return buyerId; }
    public String getStatus() { return status; }
    public long getSubtotalCents() { return subtotalCents; }
    public long getDiscountCents() { return discountCents; }
    public long getTaxCents() { return taxCents; }
    public long getShippingCents() { return shippingCents; }
    public long getTotalCents() { return totalCents; }
    public String getCurrency() { return currency; }
    public String getCouponCode() { return couponCode; }
    public String getPaymentMethod() { return paymentMethod; }
    public String getPaymentReference() { return paymentReference; }
    public String getRecipientName() { return recipientName; }
    public String getStreetLine1() { return streetLine1; }
    public String getStreetLine2() { return streetLine2; }
    public String getCity() { return city; }
    public String getState() { return state; }
    public String getPostalCode() { return postalCode; }
    public String getCountryCode() { return countryCode; }
    public String getNotes() { return notes; }
    public String getCancelReason() { return cancelReason; }
    public Instant getPlacedAt() { return placedAt; }
    public Instant getHoldUntil() { return holdUntil; }
    public Instant getUpdatedAt() { return updatedAt; }
}
