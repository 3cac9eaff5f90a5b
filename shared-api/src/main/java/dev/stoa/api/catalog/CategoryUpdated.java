package dev.stoa.api.catalog;

import org.axonframework.serialization.Revision;

/** A category's name, slug, description and order, as they now are (its place in the tree does not change). */
@Revision("1")
public record CategoryUpdated(CategoryId categoryId, String name, String slug, String description, int sortOrder) {}
