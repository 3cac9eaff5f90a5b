package dev.stoa.api.inventory;

import dev.stoa.api.catalog.ProductScoped;

/**
 * A {@link ProductScoped} event that changes only the stock levels of the product it names (units on hand, reserved,
 * available), nothing else of it. The read cache uses it to keep lists and searches that do not show that product:
 * none of them filters, sorts or counts by stock, so such an event cannot move any product into, out of or within
 * them (an event without it may).
 */
public interface StockScoped extends ProductScoped {}
