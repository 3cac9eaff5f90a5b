package dev.stoa.query.catalog.search;

import dev.stoa.projection.catalog.search.SearchIndices;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which indices answer a search for an API {@code type}: "product" the products index, "course" the courses index
 * ({@link SearchIndices#courses()}), null both (every document carries its {@code type}, so hits from both read
 * the same way).
 */
@Component
class SearchTargets {
    static final String PRODUCT = "product";
    static final String COURSE = "course";

    private final SearchIndices indices;

    SearchTargets(SearchIndices indices) {
        this.indices = indices;
    }

    /** The indices to search; empty when nothing of that type is indexed (yet). */
    List<String> forType(String type) {
        if (PRODUCT.equals(type)) return List.of(indices.products());
        if (COURSE.equals(type)) return List.of(indices.courses());
        if (type == null) return List.of(indices.products(), indices.courses());
        return List.of();
    }

    /** The indices autocomplete draws from. */
    List<String> forSuggest() {
        return List.of(indices.products(), indices.courses());
    }
}
