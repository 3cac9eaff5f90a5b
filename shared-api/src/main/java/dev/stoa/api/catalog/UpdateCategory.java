package dev.stoa.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Rename a category, change its slug, description or order (admin). {@code parentId}, {@code description} and
 * {@code sortOrder} left out (null) keep the category's; a {@code parentId} given must be its own: a category keeps
 * its place in the tree, so another parent is refused.
 */
public record UpdateCategory(@TargetAggregateIdentifier CategoryId categoryId, String name, String slug,
                             CategoryId parentId, String description, Integer sortOrder) {}
