package dev.stoa.api.catalog;

import org.axonframework.serialization.Revision;

/** A product was taken off sale: no longer listed, searchable or purchasable. */
@Revision("1")
public record ProductUnlisted(ProductId productId) implements ProductScoped {}
