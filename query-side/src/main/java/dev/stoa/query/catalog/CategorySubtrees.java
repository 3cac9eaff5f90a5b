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
}

/** {@link CategorySubtrees} from {@code category_view}, by a recursive query. */
@Component
class JdbcCategorySubtrees implements CategorySubtrees {
    private final JdbcTemplate jdbc;

    JdbcCategorySubtrees(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    @Override
    public List<String> of(String categoryId) {
        if (categoryId == null) return null;
        List<String> ids = jdbc.queryForList("with recursive sub(id) as (select id from category_view where id = ? "
                + "union select c.id from category_view c join sub on c.parent_id = sub.id) select id from sub", String.class,
                categoryId);
        return ids.isEmpty() ? List.of(categoryId) : ids;
    }
}
