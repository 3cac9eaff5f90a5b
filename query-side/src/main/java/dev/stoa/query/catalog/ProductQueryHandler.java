package dev.stoa.query.catalog;

import dev.stoa.api.catalog.FindProductById;
import dev.stoa.api.catalog.FindProducts;
import dev.stoa.api.catalog.ProductView;
import dev.stoa.api.inventory.FindInventory;
import dev.stoa.api.inventory.InventoryView;
import dev.stoa.projection.catalog.ProductEntity;
import dev.stoa.projection.catalog.ProductViewRepository;
import dev.stoa.query.platform.OffsetPage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers product and inventory queries from product_view. */
@Component
@Transactional(readOnly = true)
public class ProductQueryHandler {
    private final ProductViewRepository products;

    public ProductQueryHandler(ProductViewRepository products) { this.products = products; }

    @QueryHandler
    public ProductView handle(FindProductById query) {
        return products.findById(query.productId().value()).map(ProductViews::of).orElse(null);
    }

    @QueryHandler
    public FindProducts.Result handle(FindProducts query) {
        Page<ProductEntity> page = products.findAll(ProductFilters.of(query),
                new OffsetPage(query.offset(), query.limit(), ProductFilters.sort(query)));
        return new FindProducts.Result(page.map(ProductViews::of).getContent(), page.getTotalElements(),
                query.limit(), query.offset());
    }

    @QueryHandler
    public InventoryView handle(FindInventory query) {
        return products.findById(query.productId().value())
                .map(p -> new InventoryView(p.getId(), p.getOnHand(), p.getReserved(), p.getAvailable(),
                        p.getReorderThreshold(), p.getWarehouseLocation()))
                .orElse(null);
    }
}
