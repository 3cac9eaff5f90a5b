package dev.stoa.api.catalog;

import java.util.List;

/** A category with its sub-categories. */
public record CategoryNode(String id, String name, String slug, String parentId, String description,
                           int sortOrder, List<CategoryNode> children) {}
