package dev.stoa.query.catalog;

import dev.stoa.api.catalog.FindProductById;
import dev.stoa.api.catalog.FindProducts;
import dev.stoa.api.catalog.ProductView;
import dev.stoa.projection.catalog.ProductEntity;
import dev.stoa.projection.catalog.ProductViewRepository;
import dev.stoa.projection.inventory.InventoryEntity;
import dev.stoa.projection.inventory.InventoryViewRepository;
import dev.stoa.query.platform.OffsetPage;
import org.axonframework.queryhandling.QueryHandler;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers product queries from product_view, with the available stock from inventory_view (the inventory's own
 * read model, so a reservation shows at once; a product whose inventory is not open yet shows 0).
 */
@Component
@Transactional(readOnly = true)
public class ProductQueryHandler {
    private final ProductViewRepository products;
    private final InventoryViewRepository inventories;

    public ProductQueryHandler(ProductViewRepository products, InventoryViewRepository inventories) {
        this.products = products;
        this.inventories = inventories;
    }

    @QueryHandler
    public ProductView handle(FindProductById query) {
        return products.findById(query.productId().value())
                .map(p -> ProductViews.of(p, inventories.findById(p.getId()).orElse(null)))
                .orElse(null);
    }

    @QueryHandler
    public FindProducts.Result handle(FindProducts query) {
        Page<ProductEntity> page = products.findAll(ProductFilters.of(query),
                new OffsetPage(query.offset(), query.limit(), ProductFilters.sort(query)));
        Map<String, InventoryEntity> stock = inventories.findAllById(page.map(ProductEntity::getId).getContent())
                .stream().collect(Collectors.toMap(InventoryEntity::getProductId, Function.identity()));
        return new FindProducts.Result(page.map(p -> ProductViews.of(p, stock.get(p.getId()))).getContent(),
                page.getTotalElements(), query.limit(), query.offset());
    }

}
