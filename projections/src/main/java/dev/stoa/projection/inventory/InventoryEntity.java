package dev.stoa.projection.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of one product's stock: its levels, with what orders hold, and its settings. */
@Entity
@Table(name = "inventory_view")
public class InventoryEntity {
    @Id
    @Column(name = "product_id")
    private String productId;
    @Column(name = "vendor_id") private String vendorId;
    @Column(name = "on_hand") private int onHand;
    private int reserved;
    private int available;
    @Column(name = "reorder_threshold") private int reorderThreshold;
    @Column(name = "warehouse_location") private String warehouseLocation;
    @Column(name = "updated_at") private Instant updatedAt;

    protected InventoryEntity() {}

    public InventoryEntity(String productId, String vendorId) {
        this.productId = productId;
        this.vendorId = vendorId;
    }

    public void levels(int onHand, int reserved, int available, Instant at) {
        this.onHand = onHand;
        this.reserved = reserved;
        this.available = available;
        this.updatedAt = at;
    }

    public void settings(int reorderThreshold, String warehouseLocation) {
        this.reorderThreshold = reorderThreshold;
        this.warehouseLocation = warehouseLocation;
    }

    public String getProductId() { return productId; }
    public String getVendorId() { return vendorId; }
    public int getOnHand() { return onHand; }
    public int getReserved() { return reserved; }
    public int getAvailable() { return available; }
    public int getReorderThreshold() { return reorderThreshold; }
    public String getWarehouseLocation() { return warehouseLocation; }
    public Instant getUpdatedAt() { return updatedAt; }
}
