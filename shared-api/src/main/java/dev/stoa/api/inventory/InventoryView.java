package dev.stoa.api.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Stock levels of one product; {@code available} = {@code onHand} - {@code reserved} (units held for orders: not paid yet, or
 * paid and not shipped yet). {@code updatedAt}: when the levels or settings last changed. The stock settings
 * ({@code reorderThreshold}, {@code warehouseLocation}) are the vendor's: absent for everyone but the product's vendor
 * and admins.
 */
public record InventoryView(String productId, int onHand, int reserved, int available,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Integer reorderThreshold,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String warehouseLocation, Instant updatedAt) {}
