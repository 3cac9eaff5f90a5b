package dev.stoa.api.catalog;

/**
 * An event that changes what the catalog's read models hold of one product only, the product it names: its details,
 * its rating or its stock levels. The read cache uses it to keep the answers about every other product when such an
 * event is committed (an event without it may change any answer). Give it only to an event whose handlers in
 * {@code product-read-model}, {@code inventory-read-model} and {@code product-search} write that product's rows (or
 * search document) and no other's.
 */
public interface ProductScoped {
    ProductId productId();
}
