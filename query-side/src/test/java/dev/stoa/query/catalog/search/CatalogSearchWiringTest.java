package dev.stoa.query.catalog.search;

import dev.stoa.testsupport.TestElasticsearch;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.stoa.api.catalog.SuggestCatalog;
import dev.stoa.projection.catalog.search.ProductSearchProjection;
import dev.stoa.projection.catalog.search.SearchIndexAdmin;
import dev.stoa.projection.catalog.search.SearchIndices;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The search beans wire in a plain Spring context, honour the index prefix, and answer before any index exists. */
class CatalogSearchWiringTest {

    @Test
    void beansWire_andSearchBeforeAnyProductExistsIsEmpty() throws Exception {
        try (var context = context(Map.of("stoa.search.index-prefix", TestElasticsearch.PREFIX + "wiring-"))) {
            assertThat(context.getBean(SearchIndices.class).products()).isEqualTo(TestElasticsearch.PREFIX + "wiring-products");
            assertThat(context.getBean(ProductSearchProjection.class)).isNotNull();
            CatalogSearchQueryHandler handler = context.getBean(CatalogSearchQueryHandler.class);

            assertThat(handler.search(Search.text("anything").build()).total()).isZero();
            assertThat(handler.suggest(new SuggestCatalog("any", 5)).suggestions()).isEmpty();
        }
    }

    @Test
    void indexPrefix_defaultsToStoa() {
        try (var context = context(Map.of())) {
            assertThat(context.getBean(SearchIndices.class).products()).isEqualTo("stoa-products");
        }
    }

    private static AnnotationConfigApplicationContext context(Map<String, Object> properties) {
        var context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
        context.registerBean(ElasticsearchClient.class, TestElasticsearch::newClient); // the context closes it
        // the categories' read model is PostgreSQL's, not wired here: a category is its own subtree
        context.registerBean(dev.stoa.query.catalog.CategorySubtrees.class, FlatCategories::new);
        context.register(SearchIndices.class, SearchIndexAdmin.class, ProductSearchProjection.class,
                SearchTargets.class, CatalogSuggester.class, CatalogSearchQueryHandler.class);
        context.refresh();
        return context;
    }
}
