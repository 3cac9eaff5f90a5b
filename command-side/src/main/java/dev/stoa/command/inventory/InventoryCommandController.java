package dev.stoa.command.inventory;

import dev.stoa.api.platform.Actor;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.inventory.AdjustStock;
import dev.stoa.api.inventory.RestockProduct;
import dev.stoa.command.platform.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/v1/products/{productId}/inventory")
@Tag(name = "Inventory")
class InventoryCommandController {
    private final Commands commands;

    InventoryCommandController(Commands commands) { this.commands = commands; }

    record AdjustRequest(@NotNull @PositiveOrZero @Max(10_000_000) Integer onHand,
                         @PositiveOrZero @Max(10_000_000) Integer reorderThreshold,
                         @Size(max = 100) String warehouseLocation) {}

    record RestockRequest(@NotNull @Positive @Max(10_000_000) Integer quantity) {}

    @PutMapping
    @Operation(operationId = "adjustStock", summary = "Set stock after a count: onHand, reorder threshold, location (vendor of the product, admin)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> adjust(@PathVariable ProductId productId, @Valid @RequestBody AdjustRequest body,
                                Actor actor) {
        int threshold = body.reorderThreshold() == null ? 0 : body.reorderThreshold();
        commands.send(new AdjustStock(productId, body.onHand(), threshold, body.warehouseLocation(), actor));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/restock")
    @Operation(operationId = "restockProduct", summary = "Goods arrived: add quantity units on hand (vendor of the product, admin)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> restock(@PathVariable ProductId productId, @Valid @RequestBody RestockRequest body,
                                 Actor actor) {
        commands.send(new RestockProduct(productId, body.quantity(), actor));
        return ResponseEntity.noContent().build();
    }
}
