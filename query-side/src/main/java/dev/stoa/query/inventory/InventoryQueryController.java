package dev.stoa.query.inventory;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.inventory.FindInventory;
import dev.stoa.api.inventory.InventoryView;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/v1/products/{productId}/inventory")
@Tag(name = "Inventory")
class InventoryQueryController {
    private final Queries queries;

    InventoryQueryController(Queries queries) { this.queries = queries; }

    @GetMapping
    @Operation(operationId = "getInventory", summary = "A product's stock levels: onHand, reserved (held for orders), available",
            description = "Anyone reads the levels; the stock settings (reorderThreshold, warehouseLocation) are in the "
                    + "answer only for the product's vendor and admins.")
    InventoryView inventory(@PathVariable ProductId productId, Actor actor) {
        InventoryView view = queries.ask(new FindInventory(productId, actor), InventoryView.class);
        if (view == null) throw DomainException.notFound("product " + productId);
        return view;
    }
}
