package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductId;

/** A product's stock levels. */
public record FindInventory(ProductId productId) {}
