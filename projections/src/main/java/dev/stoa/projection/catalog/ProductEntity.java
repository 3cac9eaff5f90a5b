package dev.stoa.projection.catalog;

import dev.stoa.projection.platform.NewRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of one product with its rating, shaped for the list filters of API.md (its stock: inventory_view). */
@Entity
@Table(name = "product_view")
public class ProductEntity extends NewRow<String> {
    @Id
    private String id;
    @Column(name = "vendor_id") private String vendorId;
    private String sku;
    private String slug;
    private String name;
    private String description;
    @Column(name = "price_cents") private long priceCents;
    @Column(name = "compare_at_price_cents") private Long compareAtPriceCents;
    private String currency;
    @Column(name = "category_id") private String categoryId;
    private String brand;
    @Column(name = "weight_grams") private Integer weightGrams;
    private boolean active;
    @Column(name = "rating_average") private Double ratingAverage;
    @Column(name = "rating_count") private long ratingCount;
    @Column(name = "created_at") private Instant createdAt;
    @Column(name = "updated_at") private Instant updatedAt;

    protected ProductEntity() {}

    public ProductEntity(String id, String vendorId, Instant createdAt) {
        this.id = id;
        this.vendorId = vendorId;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Sets the vendor-editable fields, as ProductCreated and ProductUpdated carry them. */
    public void details(String sku, String slug, String name, String description, long priceCents,
                        Long compareAtPriceCents, String currency, String categoryId, String brand,
                        Integer weightGrams, boolean active, Instant at) {
        this.sku = sku;
        this.slug = slug;
        this.name = name;
        this.description = description;
        this.priceCents = priceCents;
        this.compareAtPriceCents = compareAtPriceCents;
        this.currency = currency;
        this.categoryId = categoryId;
        this.brand = brand;
        this.weightGrams = weightGrams;
        this.active = active;
        this.updatedAt = at;
    }

    public void unlist(Instant at) {
        this.active = false;
        this.updatedAt = at;
    }

    /** The rating as the latest review event of the product left it (null average: no reviews). */
    public void rated(Double average, long count) {
        this.ratingAverage = average;
        this.ratingCount = count;
    }

    @Override
    public String getId() { return id; }
    public String getVendorId() { return vendorId; }
    public String getSku() { return sku; }
    public String getSlug() { return slug; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public long getPriceCents() { return priceCents; }
    public Long getCompareAtPriceCents() { return compareAtPriceCents; }
    public String getCurrency() { return currency; }
    public String getCategoryId() { return categoryId; }
    public String getBrand() { return brand; }
    public Integer getWeightGrams() { return weightGrams; }
    public boolean isActive() { return active; }
    public Double getRatingAverage() { return ratingAverage; }
    public long getRatingCount() { return ratingCount; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
