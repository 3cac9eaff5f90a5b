package dev.stoa.command.catalog;

/** Keys under which categories are registered in {@link dev.stoa.command.platform.UniqueKeys}. */
final class CategoryRules {
    /** Every category's id, so products and sub-categories can check theirs exists at write time. */
    static final String CATEGORY_ID = "category-id";
    static final String SLUG = "category-slug";

    private CategoryRules() {}
}
