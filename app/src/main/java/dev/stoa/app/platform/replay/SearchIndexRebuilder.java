package dev.stoa.app.platform.replay;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.stoa.projection.catalog.search.ProductSearchProjection;
import dev.stoa.projection.catalog.search.SearchIndexAdmin;
import dev.stoa.projection.catalog.search.VersionedIndex;
import dev.stoa.projection.learning.search.CourseIndex;
import dev.stoa.projection.learning.search.CourseSearchProjection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the search indices ({@code product-search}, {@code course-search}) beside the live ones
 * ({@link RebuildRunner}): a new version of the index ({@link VersionedIndex}) is filled by a second instance of the
 * projection that writes to it alone, then the alias is switched in one atomic request and the processor's tokens
 * move to where the replay stopped. Documents are versioned by event position, so if the token move failed after the
 * switch the processor would only write again what the new version has (and ES refuses as older). On start-up, the
 * aliases are made to exist (migrating a concrete index of the alias's name).
 */
@Component
public class SearchIndexRebuilder implements ReadModelRebuilder {
    private static final Logger log = LoggerFactory.getLogger(SearchIndexRebuilder.class);
    private final RebuildRunner runner;
    private final ObjectProvider<ElasticsearchClient> client;
    private final ObjectProvider<SearchIndexAdmin> productAdmin;
    private final ObjectProvider<CourseIndex> courseIndex;
    private final TransactionTemplate transactions;
    private final ObjectProvider<TokenStore> tokenStore;

    public SearchIndexRebuilder(RebuildRunner runner, ObjectProvider<ElasticsearchClient> client,
                                ObjectProvider<SearchIndexAdmin> productAdmin, ObjectProvider<CourseIndex> courseIndex,
                                PlatformTransactionManager transactionManager, ObjectProvider<TokenStore> tokenStore) {
        this.runner = runner;
        this.client = client;
        this.productAdmin = productAdmin;
        this.courseIndex = courseIndex;
        this.transactions = new TransactionTemplate(transactionManager);
        this.tokenStore = tokenStore;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureAliases() {
        try {
            productAdmin.ifAvailable(SearchIndexAdmin::ensureIndex);
            courseIndex.ifAvailable(index -> index.versions().ensure());
        } catch (RuntimeException e) { // ES not up yet: the writers ensure them before their first write
            log.warn("Search aliases not checked at start-up: {}", e.getMessage());
            return;
        }
        rebuildOutdated();
    }

    /**
     * Rebuilds, beside the live one, each search index whose documents an older release wrote
     * ({@link VersionedIndex#documentsCurrent}): after an upgrade that adds a field to them, searches find and rank the
     * old documents as the new ones without an operator's replay (before 2026-12-07 the README asked for one, and a
     * search typed without accents ranked an accented name as a description until it was done).
     */
    public void rebuildOutdated() {
        for (String processor : List.of(ProductSearchProjection.PROCESSING_GROUP, CourseSearchProjection.PROCESSING_GROUP)) {
            VersionedIndex versions = versions(processor);
            try {
                if (versions == null || !rebuilds(processor) || versions.documentsCurrent()) continue;
                log.info("Search index {} holds documents of an older release: rebuilding {} beside it",
                        versions.alias(), processor);
                start(processor);
            } catch (RuntimeException e) {
                log.warn("Search index of {} not rebuilt at start-up ({}): POST /api/v1/admin/projections/{}/replay "
                        + "rebuilds it", processor, e.getMessage(), processor);
            }
        }
    }

    @Override
    public boolean rebuilds(String processor) {
        return versions(processor) != null && runner.live(processor).isPresent();
    }

    @Override
    public RebuildProgress start(String processor) {
        VersionedIndex versions = versions(processor);
        ElasticsearchClient es = client.getObject();
        Function<String, Object> projection = ProductSearchProjection.PROCESSING_GROUP.equals(processor)
                ? index -> new ProductSearchProjection(es, SearchIndexAdmin.writingTo(es, index))
                : index -> new CourseSearchProjection(CourseIndex.writingTo(es, index));
        return runner.start(processor, new Index(processor, versions, projection));
    }

    @Override
    public Optional<RebuildProgress> progress(String processor) { return runner.progress(processor); }

    private VersionedIndex versions(String processor) {
        if (ProductSearchProjection.PROCESSING_GROUP.equals(processor)) {
            SearchIndexAdmin admin = productAdmin.getIfAvailable();
            return admin == null ? null : admin.versions();
        }
        if (CourseSearchProjection.PROCESSING_GROUP.equals(processor)) {
            CourseIndex index = courseIndex.getIfAvailable();
            return index == null ? null : index.versions();
        }
        return null;
    }

    private final class Index implements RebuildRunner.Target {
        private final String processor;
        private final VersionedIndex versions;
        private final Function<String, Object> projection;
        private String index;
        private boolean switched;

        Index(String processor, VersionedIndex versions, Function<String, Object> projection) {
            this.processor = processor;
            this.versions = versions;
            this.projection = projection;
        }

        @Override
        public ProjectionBeans.Group handlers() {
            return new ProjectionBeans.Group(processor, List.of(projection.apply(index)), true, Set.of());
        }

        @Override public String schema() { return null; }

        @Override
        public void prepare() {
            versions.ensure();
            index = versions.createNextVersion();
            log.info("Rebuild of {}: new index {} beside {}", processor, index, versions.targets());
        }

        @Override
        public void switchOver(TrackingToken token) {
            versions.switchTo(index);
            switched = true;
            transactions.executeWithoutResult(status -> RebuildRunner.moveTokens(tokenStore.getObject(), processor, token));
        }

        @Override
        public void cleanUp() {
            if (!switched && index != null) versions.drop(index);
        }
    }
}
