package dev.stoa.query.catalog.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.stoa.api.catalog.ProductSort;
import dev.stoa.api.catalog.SearchCatalog;
import dev.stoa.projection.catalog.search.Folding;
import java.util.List;

/** The Elasticsearch query, filters and sort for a {@link SearchCatalog}. */
final class ProductQuery {
    /**
     * Edits allowed by a word's length: none up to 3 letters, 1 up to 8, 2 from 9 on; the first letter must be right.
     * A typo is one edit (a letter missing, added, replaced, or two swapped). Each fuzzy word costs Elasticsearch a
     * Levenshtein automaton per field, and one of two edits costs several times one of one edit: with the default
     * {@code AUTO} (two edits from 6 letters) and the should clause on three fields a search cost the node about 4 ms,
     * with these settings 0.9 ms, finding the same products ({@code bench/search_profile.py}, bench/README).
     */
    private static final String FUZZINESS = "AUTO:4,9";
    private static final int PREFIX_LENGTH = 1;
    /** Up to three words, all must match (fuzzily); from four on, one may be missing. */
    private static final String MINIMUM_SHOULD_MATCH = "3<-1";

    private ProductQuery() {}

    /** True when the search has words to match; without them it is a filtered listing. */
    static boolean hasText(SearchCatalog search) {
        return search.q() != null && !search.q().isBlank();
    }

    /**
     * {@code categories}: the filter's category and those under it, or null. The brand matches whatever its case, as
     * the product list's does (before 2026-12-06, eighth session, {@code brand=sonora} found nothing here and nine
     * products there; found by a walkthrough).
     */
    static Query of(SearchCatalog search, List<String> categories) {
        return Query.of(q -> q.bool(b -> {
            if (hasText(search)) matchText(b, search.q().strip());
            b.filter(term("active", FieldValue.of(true)));
            if (categories != null) b.filter(f -> f.terms(t -> t.field("categoryId")
                    .terms(v -> v.value(categories.stream().map(FieldValue::of).toList()))));
            if (search.brand() != null) b.filter(brand(search.brand()));
            if (search.currency() != null) b.filter(term("currency", FieldValue.of(search.currency())));
            if (search.minPrice() != null || search.maxPrice() != null) b.filter(priceRange(search));
            if (search.minRating() != null)
                b.filter(f -> f.range(r -> r.number(n -> n.field("rating").gte(search.minRating()))));
            return b;
        }));
    }

    /**
     * Recall from {@code searchText} (name, brand and description together), so the words of "acme headphones" may
     * sit in different fields, and it scores them all; the should clause adds to the score what matches the name
     * (most) or the brand, both without accents. The description is not in it: its words already count through
     * {@code searchText}, and one more fuzzy field is one more automaton per word.
     */
    private static void matchText(BoolQuery.Builder b, String text) {
        // folded: searchText holds the folded forms of accented words beside them (ProductDocument.searchText), so
        // "creme brulee" and "crème brûlée" alike find "Crème Brûlée"; the words as typed still match as well, for a
        // document indexed before those forms were (until its index is rebuilt).
        String folded = Folding.folded(text);
        if (folded.equals(text.toLowerCase(java.util.Locale.ROOT))) {
            b.must(searchText(text));
        } else {
            b.must(m -> m.bool(either -> either.should(searchText(folded)).should(searchText(text))));
        }
        // the name and brand without accents (ProductDocument.nameFolded): "oeuvre" scores "Œuvre" as a name
        b.should(s -> s.multiMatch(mm -> mm.query(folded).fields("nameFolded^3", "brandFolded^2")
                .fuzziness(FUZZINESS).prefixLength(PREFIX_LENGTH)));
    }

    /**
     * The brand whatever its case. Elasticsearch's case-insensitive term ignores the case of ASCII letters only, so
     * the value is also tried all in lower case, all in upper case and with each word capitalised: "MÜLLER KLANG"
     * finds "Müller Klang", "SOCIÉTÉ" "Société", "élégance" "Élégance" (before 2026-12-07 an upper-case accented letter
     * found nothing here, where the product list found the product; walkthrough).
     */
    private static Query brand(String value) {
        java.util.Set<String> spellings = new java.util.LinkedHashSet<>(List.of(value,
                value.toLowerCase(java.util.Locale.ROOT), value.toUpperCase(java.util.Locale.ROOT), capitalised(value)));
        return Query.of(q -> q.bool(any -> {
            spellings.forEach(spelling -> any.should(s -> s.term(t -> t.field("brand").value(FieldValue.of(spelling))
                    .caseInsensitive(true))));
            return any.minimumShouldMatch("1");
        }));
    }

    /** Each word's first letter in upper case, the rest in lower case. */
    private static String capitalised(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean wordStart = true;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            out.appendCodePoint(wordStart ? Character.toTitleCase(c) : Character.toLowerCase(c));
            wordStart = !Character.isLetterOrDigit(c);
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static Query searchText(String words) {
        return Query.of(m -> m.match(t -> t.field("searchText").query(words).fuzziness(FUZZINESS)
                .prefixLength(PREFIX_LENGTH).operator(Operator.Or).minimumShouldMatch(MINIMUM_SHOULD_MATCH)));
    }

    private static Query priceRange(SearchCatalog search) {
        return Query.of(f -> f.range(r -> r.number(n -> {
            n.field("priceCents");
            if (search.minPrice() != null) n.gte(search.minPrice().doubleValue());
            if (search.maxPrice() != null) n.lte(search.maxPrice().doubleValue());
            return n;
        })));
    }

    private static Query term(String field, FieldValue value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    /** Null sort: by relevance when there are words, newest first when there are none. Ties broken by id, so pages
     * do not overlap. */
    static List<SortOptions> sort(SearchCatalog search) {
        ProductSort sort = search.sort() != null ? search.sort() : hasText(search) ? null : ProductSort.NEWEST;
        SortOptions first = switch (sort) {
            case null -> SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc)));
            case PRICE_ASC -> field("priceCents", SortOrder.Asc);
            case PRICE_DESC -> field("priceCents", SortOrder.Desc);
            case RATING -> field("rating", SortOrder.Desc); // unrated products last
            case NEWEST -> field("createdAt", SortOrder.Desc);
        };
        return List.of(first, field("id", SortOrder.Asc));
    }

    /** True when hits are ordered by relevance, i.e. their scores mean something. */
    static boolean byRelevance(SearchCatalog search) {
        return search.sort() == null && hasText(search);
    }

    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(name).order(order)));
    }
}
