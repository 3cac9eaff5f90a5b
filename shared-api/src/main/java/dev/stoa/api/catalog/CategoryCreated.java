package dev.stoa.api.catalog;

import org.axonframework.serialization.Revision;

/** A category was created; {@code parentId} is null for a root category. */
@Revision("1")
public record CategoryCreated(CategoryId categoryId, String name, String slug, CategoryId parentId,
                              String description, int sortOrder) {}
