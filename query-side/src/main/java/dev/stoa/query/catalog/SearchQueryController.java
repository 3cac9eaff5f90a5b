package dev.stoa.query.catalog;

import dev.stoa.api.catalog.*;
import dev.stoa.api.platform.DomainException;
import dev.stoa.query.platform.ListParams;
import dev.stoa.query.platform.Queries;
import dev.stoa.query.platform.ReadCache;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.*;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Search")
class SearchQueryController {
    private final Queries queries;

    SearchQueryController(Queries queries) { this.queries = queries; }

    @GetMapping("/search")
    @Operation(operationId = "searchCatalog", summary = "Typo-tolerant full-text search with facets (category, brand, price, rating)")
    SearchResult search(@RequestParam(required = false) @Size(max = 200) String q,
                        @RequestParam(required = false) String type,
                        @RequestParam(required = false) CategoryId categoryId,
                        @RequestParam(required = false) @Min(0) Long minPrice,
                        @RequestParam(required = false) @Min(0) Long maxPrice,
                        @Parameter(description = ListParams.MIN_RATING_FILTER) @RequestParam(required = false) @DecimalMin("0") @DecimalMax("5") Double minRating,
                        @RequestParam(required = false) @Size(max = 100) String brand,
                        @Parameter(description = ListParams.CURRENCY_FILTER) @RequestParam(required = false) String currency,
                        @RequestParam(required = false) String sort,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                        @Parameter(description = "hits to skip; offset + limit at most 10000 (Elasticsearch's result "
                                + "window: narrow the query to page deeper)")
                        @RequestParam(defaultValue = "0") @Min(0) @Max(9_999) int offset) {
        if (type != null && !type.equals("product") && !type.equals("course"))
            throw DomainException.badInput("type must be product or course");
        ListParams.priceRange(minPrice, maxPrice);
        if (offset + limit > 10_000) // Elasticsearch's result window: deeper pages are a narrower query's
            throw DomainException.badInput("offset + limit must be at most 10000: narrow the query to page deeper");
        return queries.askCached(ReadCache.Region.SEARCH, new SearchCatalog(q, type, categoryId == null ? null : categoryId.value(), minPrice, maxPrice,
                ListParams.minRating(minRating), brand, ListParams.currency(currency), ListParams.sort(sort), limit, offset),
                result -> ReadCache.About.choiceOf(result.items().stream().map(SearchResult.Hit::id).toList()),
                SearchResult.class);
    }

    @GetMapping("/suggest")
    @Operation(operationId = "suggest", summary = "Autocomplete: names starting with the prefix, typos allowed")
    SuggestCatalog.Result suggest(@RequestParam @NotBlank @Size(min = 1, max = 100) String prefix,
                                  @RequestParam(defaultValue = "10") @Min(1) @Max(20) int limit) {
        return queries.askCached(ReadCache.Region.SEARCH, new SuggestCatalog(prefix.trim(), limit),
                result -> ReadCache.About.choiceOf(result.suggestions().stream().map(SuggestCatalog.Suggestion::id).toList()),
                SuggestCatalog.Result.class);
    }
}
