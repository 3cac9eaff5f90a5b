package dev.stoa.query.catalog;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A category with every category under it, at any depth, from {@code category_view}: what a filter by category
 * covers, so that a shopper who picks "Electronics" sees the products of "Headphones" under it (before 2026-12-06,
 * eighth session, a filter covered the category's own products only, and a parent with none of its own listed nothing;
 * found by a walkthrough). Categories are only ever created, never moved or deleted, so a subtree only grows: an answer
 * kept by the read cache stays exact (a new category is empty until a product, whose commit ends kept pages, goes into
 * it). An id no category has is its own subtree (it matches nothing, as before).
 */
public interface CategorySubtrees {
    /** The category's id and those of all its descendants; null for null. */
    List<String> of(String categoryId);

    /**
     * The category's id and those of the categories above it, nearest first: the facets a product of this category
     * counts in (the search's category facet counts what its filter finds). An id no category has is alone.
     */
    List<String> withAncestors(String categoryId);
}

/**
 * {@link CategorySubtrees} from {@code category_view}: a subtree by a recursive query; ancestors from the parents kept in
 * memory (a category never moves, so a parent once read stays true; an id not seen yet reads them all again).
 */
@Component
class JdbcCategorySubtrees implements CategorySubtrees {
    private static final String ROOT = "";
    private final JdbcTemplate jdbc;
    private final java.util.Map<String, String> parents = new java.util.concurrent.ConcurrentHashMap<>();

    JdbcCategorySubtrees(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    @Override
    public List<String> of(String categoryId) {
        if (categoryId == null) return null;
        List<String> ids = jdbc.queryForList("with recursive sub(id) as (select id from category_view where id = ? "
                + "union select c.id from category_view c join sub on c.parent_id = sub.id) select id from sub", String.class,
                categoryId);
        return ids.isEmpty() ? List.of(categoryId) : ids;
    }

    @Override
    public List<String> withAncestors(String categoryId) {
        List<String> line = new java.util.ArrayList<>();
        for (String id = categoryId; id != null && !id.equals(ROOT) && !line.contains(id); id = parentOf(id)) line.add(id);
        return line;
    }

    /** The parent's id, {@link #ROOT} for a top category, null for an id no category has. */
    private String parentOf(String id) {
        String parent = parents.get(id);
        if (parent != null) return parent;
        jdbc.query("select id, parent_id from category_view", row -> {
            parents.put(row.getString(1), row.getString(2) == null ? ROOT : row.getString(2));
        });
        return parents.get(id);
    }
}
