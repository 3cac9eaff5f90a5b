package dev.stoa.query.catalog.search;

import dev.stoa.projection.catalog.search.SearchIndices;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Which indices answer a search for an API {@code type}. The one place to change when courses are indexed:
 * "course" then maps to {@link SearchIndices#courses()} and null to both indices (every document carries its
 * {@code type}, so hits from both read the same way).
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
        if (type == null || PRODUCT.equals(type)) return List.of(indices.products());
        return List.of(); // courses are not indexed yet
    }

    /** The indices autocomplete draws from. */
    List<String> forSuggest() {
        return List.of(indices.products());
    }
}
