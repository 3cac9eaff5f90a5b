package dev.stoa.projection.catalog.search;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names of the search indices: {@code <prefix>products} and {@code <prefix>courses} are aliases over versioned
 * indices ({@code -v1}, {@code -v2}...: {@link VersionedIndex}), which readers and writers use alike; a rebuild fills a
 * new version and switches the alias. The prefix lets several installations (or test runs) share one cluster.
 */
@Component
public class SearchIndices {
    public static final String DEFAULT_PREFIX = "stoa-";

    private final String products;
    private final String courses;
    private final boolean fixed;

    @org.springframework.beans.factory.annotation.Autowired
    public SearchIndices(@Value("${stoa.search.index-prefix:" + DEFAULT_PREFIX + "}") String prefix) {
        if (prefix == null || !prefix.equals(prefix.toLowerCase()) || prefix.contains(" "))
            throw new IllegalArgumentException("stoa.search.index-prefix must be lower case without spaces: " + prefix);
        this.products = prefix + "products";
        this.courses = prefix + "courses";
        this.fixed = false;
    }

    private SearchIndices(String products, String courses) {
        this.products = products;
        this.courses = courses;
        this.fixed = true;
    }

    /** Concrete indices, for the writers of a rebuild (not aliases: nothing is created or migrated for them). */
    public static SearchIndices named(String products, String courses) { return new SearchIndices(products, courses); }

    /** Whether these are concrete indices ({@link #named}) rather than the aliases readers use. */
    public boolean fixed() { return fixed; }

    /** Listed products, one document per product. */
    public String products() { return products; }

    /** Published courses, one document per course. */
    public String courses() { return courses; }
}
