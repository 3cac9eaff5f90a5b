package dev.stoa.api.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a category, optionally under a parent. The slug is unique among all categories. */
public record CreateCategory(@TargetAggregateIdentifier CategoryId categoryId, String name, String slug,
                             CategoryId parentId, String description, int sortOrder) {}
