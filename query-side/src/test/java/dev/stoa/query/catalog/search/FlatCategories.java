package dev.stoa.query.catalog.search;

import dev.stoa.query.catalog.CategorySubtrees;
import java.util.List;

/** Categories without a tree (the categories' read model is PostgreSQL's, not wired here): each is alone. */
final class FlatCategories implements CategorySubtrees {
    @Override
    public List<String> of(String categoryId) { return categoryId == null ? null : List.of(categoryId); }

    @Override
    public List<String> withAncestors(String categoryId) { return List.of(categoryId); }
}
