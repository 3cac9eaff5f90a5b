package dev.stoa.api.catalog;

/** One product, listed or not (an unlisted product still shows, with active=false). */
public record FindProductById(ProductId productId) {}
