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
        catalog.create(product("Torch Lighter", "Crème Co", 1999, null), day.plusSeconds(7));
        catalog.create(product("Pastry Bag", "Crème Co", 599, null), day.plusSeconds(8));
        catalog.create(product("Crème Cookbook", "Readwell", 2499, null), day.plusSeconds(9));
        catalog.create(product("Recipe e-Book", "Readwell", 999, null), day.plusSeconds(10));
        catalog.create(product("Über-Ohr Kopfhörer", "Klangwerk", 9999, null), day.plusSeconds(11));
    }

    /**
     * A name with a word the letters begin comes before a product whose brand only they begin: "crem" gave the "Crème
     * Co" brand's torch and bag before "Crème Cookbook" (before 2026-12-07; walkthrough Z45), and a word after a hyphen
     * begins too ("book" found no "e-Book", "ohr" no "Über-Ohr").
     */
    @Test
    void aNameBegunComesBeforeABrandBegun_andAWordAfterAHyphenBegins() throws Exception {
        assertThat(catalog.suggest("crem")).first().isEqualTo("Crème Cookbook");
        assertThat(catalog.suggest("crem")).as("the brand's products still follow").contains("Torch Lighter", "Pastry Bag");
        assertThat(catalog.suggest("book")).contains("Recipe e-Book");
        assertThat(catalog.suggest("ohr")).first().isEqualTo("Über-Ohr Kopfhörer");
    }

    @Test
    void aNameTheLettersBegin_comesBeforeOnesATypoReaches() throws Exception {
        assertThat(catalog.suggest("caf")).first().isEqualTo("Café Crème Espresso Maker");
        assertThat(catalog.suggest("caf")).as("the typo's still follow").contains("Cable Organizer");
        assertThat(catalog.suggest("smo")).first().isEqualTo("Smörgåsbord Serving Board");
        assertThat(catalog.suggest("cre").subList(0, 2)).as("a later word of the name, accents aside")
                .containsExactlyInAnyOrder("Café Crème Espresso Maker", "Crème Cookbook");
    }

    @Test
    void accentsAndCaseAside() {
        assertThat(dev.stoa.projection.catalog.search.Folding.folded("Smörgåsbord CAFÉ")).isEqualTo("smorgasbord cafe");
    }
}
