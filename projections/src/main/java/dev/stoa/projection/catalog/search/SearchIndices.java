package dev.stoa.projection.catalog.search;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The names of the search indices. One prefix ({@code stoa.search.index-prefix}) for all of them, so that two
 * environments (or two test classes) can share one Elasticsearch without seeing each other's documents.
 */
@Component
public class SearchIndices {
    public static final String DEFAULT_PREFIX = "stoa-";

    private final String prefix;

    public SearchIndices(@Value("${stoa.search.index-prefix:" + DEFAULT_PREFIX + "}") String prefix) {
        if (prefix == null || !prefix.equals(prefix.toLowerCase()) || prefix.contains(" "))
            throw new IllegalArgumentException("stoa.search.index-prefix must be lower case without spaces: " + prefix);
        this.prefix = prefix;
    }

    /** Listed products, one document per product. */
    public String products() { return prefix + "products"; }

    /** Courses; not written yet, named here so that the query side can pick indices by type in one place. */
    public String courses() { return prefix + "courses"; }
}
