package dev.stoa.projection.ordering;

import dev.stoa.projection.platform.NewRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** Read model row of one order line, with its shipment and delivery. */
@Entity
@Table(name = "order_line_view")
@IdClass(OrderLineEntity.Key.class)
public class OrderLineEntity extends NewRow<OrderLineEntity.Key> {
    /** The primary key: the order and the line's position in it. */
    public static class Key implements java.io.Serializable {
        private String orderId;
        private int lineNo;

        protected Key() {}

        public Key(String orderId, int lineNo) {
            this.orderId = orderId;
            this.lineNo = lineNo;
        }

        @Override
        public boolean equals(Object o) { return o instanceof Key k && Objects.equals(orderId, k.orderId) && lineNo == k.lineNo; }

        @Override
        public int hashCode() { return Objects.hash(orderId, lineNo); }
    }

    @Id @Column(name = "order_id") private String orderId;
    @Id @Column(name = "line_no") private int lineNo;
    @Column(name = "item_type") private String itemType;
    @Column(name = "item_id") private String itemId;
    @Column(name = "vendor_id") private String vendorId;
    @Column(name = "name_snapshot") private String nameSnapshot;
    @Column(name = "sku_snapshot") private String skuSnapshot;
    @Column(name = "unit_price_cents") private long unitPriceCents;
    private int quantity;
    @Column(name = "line_total_cents") private long lineTotalCents;
    private boolean physical;
    @Column(name = "tracking_number") private String trackingNumber;
    @Column(name = "shipped_at") private Instant shippedAt;
    @Column(name = "delivered_at") private Instant deliveredAt;
    @Column(name = "withdrawn_quantity") private int withdrawnQuantity;
    @Column(name = "sent_back_quantity") private int sentBackQuantity;

    protected OrderLineEntity() {}

    public OrderLineEntity(String orderId, int lineNo, String itemType, String itemId, String vendorId, String nameSnapshot,
                           String skuSnapshot, long unitPriceCents, int quantity, long lineTotalCents, boolean physical) {
        this.orderId = orderId;
        this.lineNo = lineNo;
        this.itemType = itemType;
        this.itemId = itemId;
        this.vendorId = vendorId;
        this.nameSnapshot = nameSnapshot;
        this.skuSnapshot = skuSnapshot;
        this.unitPriceCents = unitPriceCents;
        this.quantity = quantity;
        this.lineTotalCents = lineTotalCents;
        this.physical = physical;
    }

    public void shipped(String trackingNumber, Instant at) {
        this.trackingNumber = trackingNumber;
        shippedAt = at;
    }

    public void delivered(Instant at) { deliveredAt = at; }

    /** A refund paid back units not shipped yet: they are no longer shipped. */
    public void withdrawn(int units) { withdrawnQuantity += units; }

    /** A refund paid back units that had shipped: the buyer sends them back. */
    public void sentBack(int units) { sentBackQuantity += units; }

    @Override
    public Key getId() { return new Key(orderId, lineNo); }

    public String getOrderId() { return orderId; }
    public int getLineNo() { return lineNo; }
    public String getItemType() { return itemType; }
    public String getItemId() { return itemId; }
    public String getVendorId() { return vendorId; }
    public String getNameSnapshot() { return nameSnapshot; }
    public String getSkuSnapshot() { return skuSnapshot; }
    public long getUnitPriceCents() { return unitPriceCents; }
    public int getQuantity() { return quantity; }
    public long getLineTotalCents() { return lineTotalCents; }
    public boolean isPhysical() { return physical; }
    public String getTrackingNumber() { return trackingNumber; }
    public Instant getShippedAt() { return shippedAt; }
    public Instant getDeliveredAt() { return deliveredAt; }
    public int getWithdrawnQuantity() { return withdrawnQuantity; }
    public int getSentBackQuantity() { return sentBackQuantity; }
}
