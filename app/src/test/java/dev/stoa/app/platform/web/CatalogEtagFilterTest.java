package dev.stoa.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.query.platform.ReadCache;
import org.junit.jupiter.api.Test;

/** Which kept answers a catalog path's answer goes with. */
class CatalogEtagFilterTest {
    private static final String ID = "0a1b2c3d-0000-4000-8000-00000000000e";

    @Test
    void productsAndTheirListAreKeptWithTheCatalogSearchAndSuggestWithTheSearch() {
        assertThat(CatalogEtagFilter.region("/api/v1/products/" + ID)).isEqualTo(ReadCache.Region.CATALOG);
        assertThat(CatalogEtagFilter.region("/api/v1/products")).isEqualTo(ReadCache.Region.CATALOG);
        assertThat(CatalogEtagFilter.region("/api/v1/search")).isEqualTo(ReadCache.Region.SEARCH);
        assertThat(CatalogEtagFilter.region("/api/v1/suggest")).isEqualTo(ReadCache.Region.SEARCH);
        // reviews, categories, courses: answered with an ETag, their bytes not kept
        assertThat(CatalogEtagFilter.region("/api/v1/products/" + ID + "/reviews")).isNull();
        assertThat(CatalogEtagFilter.region("/api/v1/categories")).isNull();
        assertThat(CatalogEtagFilter.region("/api/v1/courses")).isNull();
    }
}
