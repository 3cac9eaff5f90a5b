package dev.stoa.query.catalog.search;

import static dev.stoa.query.catalog.search.SearchFixture.product;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Suggestions the typed letters begin (accents aside) come before those only a typo reaches: "caf" gave "Cabinet Lock"
 * and both "Cable ..." before "Café Crème ..." (Elasticsearch's fuzzy scores), and "smo" a Sonora product beside
 * "Smörgåsbord" (before 2026-12-06, eighth session; found by a walkthrough).
 */
class SuggestRankingTest {
    private static SearchFixture catalog;

    @BeforeAll
    static void buildCatalog() throws Throwable {
        catalog = new SearchFixture();
        Instant day = Instant.parse("2026-10-01T00:00:00Z");
        catalog.create(product("Cable Organizer", "Lumo", 799, null), day.plusSeconds(1));
        catalog.create(product("Cable Ties", "Lumo", 299, null), day.plusSeconds(2));
        catalog.create(product("Cabinet Lock", "Sonora", 1299, null), day.plusSeconds(3));
        catalog.create(product("Café Crème Espresso Maker", "Brewmax", 8999, null), day.plusSeconds(4));
        catalog.create(product("Smörgåsbord Serving Board", "Lumo", 2999, null), day.plusSeconds(5));
        catalog.create(product("Wireless Headphones Pro", "Sonora", 4999, null), day.plusSeconds(6));
    }

    @Test
    void aNameTheLettersBegin_comesBeforeOnesATypoReaches() throws Exception {
        assertThat(catalog.suggest("caf")).first().isEqualTo("Café Crème Espresso Maker");
        assertThat(catalog.suggest("caf")).as("the typo's still follow").contains("Cable Organizer");
        assertThat(catalog.suggest("smo")).first().isEqualTo("Smörgåsbord Serving Board");
        assertThat(catalog.suggest("cre")).first().as("a later word of the name, accents aside")
                .isEqualTo("Café Crème Espresso Maker");
    }

    @Test
    void accentsAndCaseAside() {
        assertThat(dev.stoa.projection.catalog.search.Folding.folded("Smörgåsbord CAFÉ")).isEqualTo("smorgasbord cafe");
    }
}
