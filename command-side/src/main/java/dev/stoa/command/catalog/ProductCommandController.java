package dev.stoa.command.catalog;

import dev.stoa.api.catalog.*;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Actor;
import dev.stoa.command.platform.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Catalog")
class ProductCommandController {
    private final Commands commands;

    ProductCommandController(Commands commands) { this.commands = commands; }

    @PostMapping
    @Operation(operationId = "createProduct", summary = "List a new product (vendor for itself, admin for any vendor)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Map<String, String>> create(@Valid @RequestBody ProductRequest body, Actor actor) {
        ProductId id = ProductId.random();
        UserId vendor = new UserId(body.vendorId() != null ? body.vendorId() : actor.userId());
        commands.send(new CreateProduct(id, vendor, body.details(), actor));
        return ResponseEntity.created(URI.create("/api/v1/products/" + id)).body(Map.of("productId", id.value()));
    }

    @PutMapping("/{productId}")
    @Operation(operationId = "updateProduct", summary = "Replace a product's fields (its vendor or an admin)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> update(@PathVariable ProductId productId, @Valid @RequestBody ProductRequest body,
                                Actor actor) {
        commands.send(new UpdateProduct(productId, body.details(), actor));
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
