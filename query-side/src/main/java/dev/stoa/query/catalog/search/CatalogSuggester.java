package dev.stoa.query.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import dev.stoa.api.catalog.SuggestCatalog;
import dev.stoa.projection.catalog.search.Folding;
import dev.stoa.projection.catalog.search.CompletionInput;
import dev.stoa.projection.catalog.search.ProductDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Autocomplete from the completion field, typos allowed. Listed products only: unlisted ones have no suggest inputs.
 *
 * <p>Not ES's {@code skip_duplicates}: it drops options whose <em>matched input</em> repeats, and the inputs are
 * shared words ("Headphones" from two different names) and brands, so it would hide distinct products. Instead
 * this asks for a few more options and keeps the first of each name.
 */
@Component
class CatalogSuggester {
    private static final String SUGGESTION = "catalog";
    private static final int OVERFETCH = 2;

    private final ElasticsearchClient client;
    private final SearchTargets targets;

    CatalogSuggester(ElasticsearchClient client, SearchTargets targets) {
        this.client = client;
        this.targets = targets;
    }

    SuggestCatalog.Result suggest(SuggestCatalog query) throws IOException {
        // folded: the inputs carry their folded forms too (CompletionInput.withFolded), so "crem" and "crèm" alike
        // begin "Crème ..."
        String prefix = query.prefix() == null ? "" : Folding.folded(query.prefix().strip());
        if (prefix.isEmpty() || query.limit() < 1) return new SuggestCatalog.Result(List.of());
        SearchResponse<ProductDocument> response = client.search(s -> s.index(targets.forSuggest())
                .ignoreUnavailable(true).allowNoIndices(true)
                .source(src -> src.filter(f -> f.includes("type", "id", "name")))
                .suggest(sg -> sg.suggesters(SUGGESTION, fs -> fs.prefix(prefix).completion(c -> c.field("suggest")
                        .size(query.limit() * OVERFETCH).fuzzy(fz -> fz.fuzziness("AUTO"))))), ProductDocument.class);
        // a name with a word the typed letters begin (accents aside) comes first, then one whose brand they begin, then
        // one only a typo reaches, each in the order Elasticsearch gave: its fuzzy scores put "Cable ..." before
        // "Café ..." for "caf" (found by a walkthrough, 2026-12-06, eighth session), and a brand's products came before
        // a name begun when the brand was what matched (before 2026-12-07; walkthrough Z45)
        List<CompletionSuggestOption<ProductDocument>> named = new ArrayList<>(), branded = new ArrayList<>(),
                reached = new ArrayList<>();
        for (Suggestion<ProductDocument> suggestion : response.suggest().getOrDefault(SUGGESTION, List.of())) {
            for (CompletionSuggestOption<ProductDocument> option : suggestion.completion().options()) {
                if (begins(option.source().name(), prefix)) named.add(option);
                else (option.text() != null && Folding.folded(option.text()).startsWith(prefix) ? branded : reached).add(option);
            }
        }
        // one suggestion a name and kind: a product and a course of the same title are two (they were one before
        // 2026-12-07); products of one name are one, whose search finds them all
        Map<String, SuggestCatalog.Suggestion> byName = new LinkedHashMap<>();
        for (List<CompletionSuggestOption<ProductDocument>> options : List.of(named, branded, reached)) {
            for (CompletionSuggestOption<ProductDocument> option : options) {
                ProductDocument doc = option.source();
                byName.putIfAbsent(doc.type() + ":" + doc.name().toLowerCase(Locale.ROOT),
                        new SuggestCatalog.Suggestion(doc.name(), doc.type(), doc.id()));
            }
        }
        return new SuggestCatalog.Result(byName.values().stream().limit(query.limit()).toList());
    }

    /** Whether a word of the name (as its suggestions are entered: {@link CompletionInput#fromEachWord}) begins so. */
    private static boolean begins(String name, String foldedPrefix) {
        return name != null && CompletionInput.fromEachWord(name).anyMatch(from -> Folding.folded(from).startsWith(foldedPrefix));
    }
}
