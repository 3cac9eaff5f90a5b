package dev.stoa.command.inventory;

import dev.stoa.api.platform.Actor;
import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.inventory.AdjustStock;
import dev.stoa.api.inventory.RestockProduct;
import dev.stoa.command.platform.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Min;
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

    @Schema(description = "A count. Each field left out keeps its value; at least one of onHand, reorderThreshold and "
            + "warehouseLocation is required.")
    record AdjustRequest(
            @Schema(description = "Units in the warehouse, those held for paid orders not shipped yet included")
            @PositiveOrZero @Max(10_000_000) Integer onHand,
            @Schema(description = "The onHand the count was made against (as last read): if onHand has moved since "
                    + "(units shipped, arrived or were counted), 409 stock_changed and nothing changes")
            @PositiveOrZero @Max(10_000_000) Integer expectedOnHand,
            @PositiveOrZero @Max(10_000_000) Integer reorderThreshold,
            @Schema(description = "Where the units are; an empty string clears it")
            @Size(max = 100) @dev.stoa.command.platform.web.VisibleWhenGiven String warehouseLocation) {}

    record RestockRequest(@NotNull @Min(1) @Max(10_000_000) Integer quantity) {}

    @PutMapping
    @Operation(operationId = "adjustStock", summary = "Set stock after a count: onHand, reorder threshold, location (vendor of the product, admin)",
            description = "onHand counts every unit in the warehouse: units of paid orders stay on hand, and reserved, "
                    + "until their line ships. Fields left out keep their values. Send expectedOnHand (the onHand read "
                    + "before counting) so that a count never undoes a shipment or a restock made meanwhile.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> adjust(@PathVariable ProductId productId, @Valid @RequestBody AdjustRequest body,
                                Actor actor) {
        commands.send(new AdjustStock(productId, body.onHand(), body.expectedOnHand(), body.reorderThreshold(),
                body.warehouseLocation(), actor));
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
