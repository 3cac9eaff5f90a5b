package dev.stoa.query.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.stoa.api.catalog.SearchCatalog;
import dev.stoa.api.catalog.SearchResult;
import dev.stoa.api.catalog.SuggestCatalog;
import dev.stoa.projection.catalog.search.ProductDocument;
import java.io.IOException;
import dev.stoa.query.catalog.CategorySubtrees;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers catalog search and autocomplete from the search index. Listed products only; limit and offset come
 * validated (1..100, >= 0) from the HTTP layer.
 */
@Component
public class CatalogSearchQueryHandler {
    private final ElasticsearchClient client;
    private final SearchTargets targets;
    private final CatalogSuggester suggester;
    private final CategorySubtrees subtrees;

    CatalogSearchQueryHandler(ElasticsearchClient client, SearchTargets targets, CatalogSuggester suggester,
                              CategorySubtrees subtrees) {
        this.client = client;
        this.targets = targets;
        this.suggester = suggester;
        this.subtrees = subtrees;
    }

    @QueryHandler
    public SearchResult search(SearchCatalog query) throws IOException {
        List<String> indices = targets.forType(query.type());
        if (indices.isEmpty()) return new SearchResult(List.of(), 0, query.limit(), query.offset(), SearchFacets.NONE);
        List<String> categories = subtrees.of(query.categoryId());
        // A missing index (nothing created yet) answers empty instead of failing.
        SearchResponse<ProductDocument> response = client.search(s -> s.index(indices)
                .ignoreUnavailable(true).allowNoIndices(true)
                .query(ProductQuery.of(query, categories)).sort(ProductQuery.sort(query))
                .from(query.offset()).size(query.limit()).trackTotalHits(t -> t.enabled(true))
                .aggregations(SearchFacets.aggregations()), ProductDocument.class);
        boolean scored = ProductQuery.byRelevance(query);
        List<SearchResult.Hit> hits = response.hits().hits().stream().map(hit -> toHit(hit, scored)).toList();
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchResult(hits, total, query.limit(), query.offset(),
                SearchFacets.read(response.aggregations(), subtrees::withAncestors));
    }

    @QueryHandler
    public SuggestCatalog.Result suggest(SuggestCatalog query) throws IOException {
        return suggester.suggest(query);
    }

    private static SearchResult.Hit toHit(Hit<ProductDocument> hit, boolean scored) {
        ProductDocument doc = hit.source();
        double score = scored && hit.score() != null ? hit.score() : 0;
        return new SearchResult.Hit(doc.type(), doc.id(), doc.name(), doc.slug(), doc.description(),
                doc.priceCents(), doc.currency(), doc.categoryId(), doc.brand(), doc.rating(), doc.inStock(), score);
    }
}
