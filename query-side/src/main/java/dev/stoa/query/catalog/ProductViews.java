package dev.stoa.query.catalog;

import dev.stoa.api.catalog.ProductView;
import dev.stoa.projection.catalog.ProductEntity;

/** Maps the product read model row, with its inventory's available stock, to the API view. */
final class ProductViews {
    private ProductViews() {}

    /** {@code available}: the inventory's available stock, null if it is not open yet (shown as 0). */
    static ProductView of(ProductEntity p, Integer available) {
        return new ProductView(p.getId(), p.getSku(), p.getName(), p.getSlug(), p.getDescription(), p.getPriceCents(),
                p.getCompareAtPriceCents(), p.getCurrency(), p.getCategoryId(), p.getBrand(), p.getWeightGrams(),
                p.getVendorId(), p.isActive(), new ProductView.Rating(p.getRatingAverage(), p.getRatingCount()),
                new ProductView.Stock(available == null ? 0 : available), p.getCreatedAt(), p.getUpdatedAt());
    }
}
