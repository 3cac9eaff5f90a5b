package dev.stoa.query.catalog.search;

import static dev.stoa.query.catalog.search.SearchFixture.product;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.catalog.SearchResult;
import dev.stoa.projection.catalog.search.Folding;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search and autocomplete take a word without its accents, and a brand in any case, as shoppers type them. Before
 * 2026-12-07 "creme brulee", "uber" and "societe" found nothing, "crem" completed nothing, an upper-case accented brand
 * matched nothing, and a brand spelt in two cases was two facet buckets (found by a walkthrough).
 */
class AccentsAndCaseTest {
    private static SearchFixture catalog;

    @BeforeAll
    static void buildCatalog() throws Throwable {
        catalog = new SearchFixture();
        Instant day = Instant.parse("2026-10-01T00:00:00Z");
        catalog.create(product("Crème Brûlée Torch", "Société Générale Audio", 2999, null), day.plusSeconds(1));
        catalog.create(product("Über-Ohr Kopfhörer", "Müller Klang", 12999, null), day.plusSeconds(2));
        catalog.create(product("Camera Pro", "Sonora", 49999, null), day.plusSeconds(3));
        catalog.create(product("Speaker Mini", "sonora", 4999, null), day.plusSeconds(4));
        catalog.create(product("Headphones Max", "Sonora", 8999, null), day.plusSeconds(5));
        catalog.create(product("Enceinte Élégance", "Maison Étoile", 15999, null), day.plusSeconds(6));
    }

    @Test
    void aSearchWithoutAccents_findsTheAccentedWords_andOneWithAccentsThePlainOnes() throws Exception {
        assertThat(catalog.names(Search.text("creme brulee"))).containsExactly("Crème Brûlée Torch");
        assertThat(catalog.names(Search.text("crème brûlée"))).containsExactly("Crème Brûlée Torch");
        assertThat(catalog.names(Search.text("uber"))).containsExactly("Über-Ohr Kopfhörer");
        assertThat(catalog.names(Search.text("kopfhorer"))).containsExactly("Über-Ohr Kopfhörer");
        assertThat(catalog.names(Search.text("societe"))).containsExactly("Crème Brûlée Torch");
        assertThat(catalog.names(Search.text("elegance"))).containsExactly("Enceinte Élégance");
        assertThat(catalog.names(Search.text("cámérá"))).containsExactly("Camera Pro");
    }

    @Test
    void autocompleteTakesThePrefixWithoutAccents() throws Exception {
        assertThat(catalog.suggest("crem")).first().isEqualTo("Crème Brûlée Torch");
        assertThat(catalog.suggest("creme")).first().isEqualTo("Crème Brûlée Torch");
        assertThat(catalog.suggest("CRÈME")).first().isEqualTo("Crème Brûlée Torch");
        assertThat(catalog.suggest("ub")).first().isEqualTo("Über-Ohr Kopfhörer");
        assertThat(catalog.suggest("muller")).first().isEqualTo("Über-Ohr Kopfhörer");
        assertThat(catalog.suggest("ele")).first().isEqualTo("Enceinte Élégance");
    }

    @Test
    void aBrandMatchesInAnyCase_accentedLettersToo() throws Exception {
        assertThat(catalog.names(Search.all().brand("MÜLLER KLANG"))).containsExactly("Über-Ohr Kopfhörer");
        assertThat(catalog.names(Search.all().brand("müller klang"))).containsExactly("Über-Ohr Kopfhörer");
        assertThat(catalog.names(Search.all().brand("SOCIÉTÉ GÉNÉRALE AUDIO"))).containsExactly("Crème Brûlée Torch");
        assertThat(catalog.names(Search.all().brand("maison étoile"))).containsExactly("Enceinte Élégance");
        assertThat(catalog.names(Search.all().brand("SONORA"))).hasSize(3);
    }

    @Test
    void aBrandSpeltInTwoCases_isOneFacetBucket_countingWhatItsFilterFinds() throws Exception {
        SearchResult all = catalog.search(Search.all());
        assertThat(all.facets().brand()).filteredOn(b -> b.key().equalsIgnoreCase("sonora"))
                .singleElement().satisfies(b -> {
                    assertThat(b.key()).as("the spelling most products have").isEqualTo("Sonora");
                    assertThat(b.count()).isEqualTo(3);
                });
        assertThat(all.facets().brand().getFirst().key()).as("most products first").isEqualTo("Sonora");
    }

    @Test
    void folding() {
        assertThat(Folding.folded("Straße ÆRØ Œuvre Łódź")).isEqualTo("strasse aero oeuvre lodz");
        assertThat(Folding.foldedWords("Crème Brûlée Torch", null, "plain words")).isEqualTo("creme brulee");
        assertThat(Folding.foldedWords("Plain English")).isNull();
    }
}
