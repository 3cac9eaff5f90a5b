package dev.stoa.command.catalog;

import dev.stoa.api.catalog.*;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.Roles;
import dev.stoa.command.identity.RoleHolders;
import dev.stoa.command.inventory.InventoryOpening;
import dev.stoa.command.platform.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Catalog")
class ProductCommandController {
    private static final Logger log = LoggerFactory.getLogger(ProductCommandController.class);
    private final Commands commands;
    private final InventoryOpening inventories;
    private final RoleHolders roleHolders;

    ProductCommandController(Commands commands, InventoryOpening inventories, RoleHolders roleHolders) {
        this.commands = commands;
        this.inventories = inventories;
        this.roleHolders = roleHolders;
    }

    /** The new product. */
    record CreatedProduct(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String productId) {}

    @PostMapping
    @Operation(operationId = "createProduct", summary = "List a new product (vendor for itself, admin for any vendor)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedProduct> create(@Valid @RequestBody ProductRequest body, Actor actor) {
        ProductId id = ProductId.random();
        UserId vendor = new UserId(body.vendorId() != null ? body.vendorId() : actor.userId());
        if (!vendor.value().equals(actor.userId()) && actor.isAdmin())
            roleHolders.require(vendor, Roles.VENDOR, ErrorCode.UNKNOWN_VENDOR, "vendorId");
        commands.send(new CreateProduct(id, vendor, body.details(), actor));
        openInventory(id, vendor);
        return ResponseEntity.created(URI.create("/api/v1/products/" + id)).body(new CreatedProduct(id.value()));
    }

    /**
     * The product exists: its inventory opens now, so its stock reads as zero at once (read-your-writes). Should that
     * fail, the product is still created, and the {@code inventory-opener} processor opens the inventory from its
     * {@code ProductCreated} a moment later.
     */
    private void openInventory(ProductId id, UserId vendor) {
        try {
            inventories.open(id, vendor);
        } catch (RuntimeException e) {
            log.warn("Inventory of product {} not opened with it ({}); the inventory-opener will", id, e.toString());
        }
    }

    @PutMapping("/{productId}")
    @Operation(operationId = "updateProduct", summary = "Replace a product's fields (its vendor or an admin)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> update(@PathVariable ProductId productId, @Valid @RequestBody ProductRequest body,
                                Actor actor) {
        commands.send(new UpdateProduct(productId, body.details(), actor,
                body.vendorId() == null ? null : new UserId(body.vendorId()), body.active() != null));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{productId}")
    @Operation(operationId = "unlistProduct", summary = "Unlist a product: off sale, out of lists and search; history stays")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> unlist(@PathVariable ProductId productId, Actor actor) {
        commands.send(new UnlistProduct(productId, actor));
        return ResponseEntity.noContent().build();
    }
}
