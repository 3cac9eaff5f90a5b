package dev.stoa.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.query.platform.ReadCache;
import org.junit.jupiter.api.Test;

/** Which kept answers a catalog path's answer goes with, and which product it is about alone. */
class CatalogEtagFilterTest {
    private static final String ID = "0a1b2c3d-0000-4000-8000-00000000000e";

    @Test
    void aProductsOwnReadIsAboutThatProductAsTheHandlerReadsIt() {
        assertThat(CatalogEtagFilter.item("/api/v1/products/" + ID)).isEqualTo(ID);
        assertThat(CatalogEtagFilter.item("/api/v1/products/" + ID.toUpperCase()))
                .as("the handler reads the id as the same UUID").isEqualTo(ID);
        assertThat(CatalogEtagFilter.region("/api/v1/products/" + ID)).isEqualTo(ReadCache.Region.CATALOG);
    }

    @Test
    void everyOtherPathIsAboutNoSingleProduct() {
        assertThat(CatalogEtagFilter.item("/api/v1/products")).isNull();
        assertThat(CatalogEtagFilter.item("/api/v1/products/" + ID + "/reviews")).isNull();
        assertThat(CatalogEtagFilter.item("/api/v1/search")).isNull();
        // not a plain UUID as written (encoded, with a parameter, not an id): kept only until the region's next commit
        assertThat(CatalogEtagFilter.item("/api/v1/products/" + ID.replace("-", "%2D"))).isNull();
        assertThat(CatalogEtagFilter.item("/api/v1/products/" + ID + ";v=1")).isNull();
        assertThat(CatalogEtagFilter.item("/api/v1/products/lamp")).isNull();
    }
}
