package dev.stoa.api.catalog;

/** All categories as a tree, roots first, children ordered by sortOrder then name. */
public record FindCategoryTree() {
    /** The answer: the root nodes. */
    public record Result(java.util.List<CategoryNode> roots) {}
}
