package dev.stoa.query.catalog.search;

import static dev.stoa.query.catalog.search.SearchFixture.product;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.catalog.ProductCreated;
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
        catalog.create(product("Œuvre Complète Book", "Lumière", 3999, null), day.plusSeconds(7));
        catalog.create(described(product("Collected Essays", "Paperworks", 1999, null),
                "The oeuvre of a poet, and his letters"), day.plusSeconds(8));
        catalog.create(described(product("Lumiere Desk Lamp", "Brightside", 5999, null),
                "A lamp for readers of a complete oeuvre"), day.plusSeconds(9));
    }

    private static ProductCreated described(ProductCreated p, String description) {
        return new ProductCreated(p.productId(), p.vendorId(), p.sku(), p.slug(), p.name(), description, p.priceCents(),
                p.compareAtPriceCents(), p.currency(), p.categoryId(), p.brand(), p.weightGrams(), p.active());
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

    /**
     * A word typed without its accents scores the accented name as a name, and the brand as a brand: before 2026-12-07
     * the name and brand were scored as written only, so "oeuvre" found "Œuvre Complète Book" through the folded words
     * of {@code searchText} alone and ranked it with, or below, a product with the word in its description
     * (walkthrough Z7).
     */
    @Test
    void aNameOrBrandMatchedWithoutItsAccents_ranksAboveADescription() throws Exception {
        assertThat(catalog.names(Search.text("oeuvre"))).first().isEqualTo("Œuvre Complète Book");
        assertThat(catalog.names(Search.text("oeuvre complete"))).first().isEqualTo("Œuvre Complète Book");
        assertThat(catalog.names(Search.text("lumiere")).subList(0, 2))
                .containsExactlyInAnyOrder("Œuvre Complète Book", "Lumiere Desk Lamp");
        assertThat(catalog.names(Search.text("LUMIÈRE")).subList(0, 2))
                .containsExactlyInAnyOrder("Œuvre Complète Book", "Lumiere Desk Lamp");
    }

    /** Full-width letters, as some keyboards type them, fold to their plain letters (before 2026-12-07: nothing). */
    @Test
    void fullWidthLetters_findAndCompleteThePlainWords() throws Exception {
        assertThat(catalog.names(Search.text("ｃｒｅｍｅ ｂｒｕｌｅｅ"))).containsExactly("Crème Brûlée Torch");
        assertThat(catalog.suggest("ｃｒｅｍ")).first().isEqualTo("Crème Brûlée Torch");
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
        assertThat(Folding.folded("ｃｒｅｍｅ ﬁne")).isEqualTo("creme fine");
        assertThat(Folding.foldedWords("Crème Brûlée Torch", null, "plain words")).isEqualTo("creme brulee");
        assertThat(Folding.foldedWords("Plain English")).isNull();
    }
}
