package dev.stoa.api.catalog;

import dev.stoa.api.platform.MayBeNull;
import java.util.List;

/** A category with its sub-categories. */
public record CategoryNode(String id, String name, String slug, @MayBeNull String parentId,
                           @MayBeNull String description, int sortOrder, List<CategoryNode> children) {}
