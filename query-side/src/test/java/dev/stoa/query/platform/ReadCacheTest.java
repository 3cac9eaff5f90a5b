package dev.stoa.query.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.catalog.ProductUnlisted;
import dev.stoa.api.inventory.StockReserved;
import dev.stoa.api.ordering.OrderId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.unit.DataSize;

class ReadCacheTest {
    private final EventProcessingConfiguration config = mock(EventProcessingConfiguration.class);
    private final Map<String, Map<Integer, EventTrackerStatus>> segments = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private ReadCache cache;

    @BeforeEach
    void processors() {
        for (ReadCache.Region region : ReadCache.Region.values()) {
            for (String name : region.processors()) {
                StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
                when(processor.isRunning()).thenReturn(true);
                Map<Integer, EventTrackerStatus> claimed = new HashMap<>();
                claimed.put(0, status(0, 1));
                claimed.put(1, status(1, 1));
                segments.put(name, claimed);
                when(processor.processingStatus()).thenReturn(claimed);
                when(config.eventProcessor(name)).thenReturn(Optional.of(processor));
            }
        }
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("config", config);
        cache = new ReadCache(beans.getBeanProvider(EventProcessingConfiguration.class), true, 100, 100, DataSize.ofKilobytes(4));
    }

    private static EventTrackerStatus status(int id, int mask) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getSegment()).thenReturn(Segment.computeSegment(id, 0, 1));
        return status;
    }

    private String ask(ReadCache.Region region, String query) {
        return cache.get(region, query, () -> query + "#" + loads.incrementAndGet());
    }

    @Test
    void anAnswerIsServedUntilAProcessorOfItsRegionCommits() {
        assertThat(ask(ReadCache.Region.CATALOG, "p1")).isEqualTo("p1#1");
        assertThat(ask(ReadCache.Region.CATALOG, "p1")).isEqualTo("p1#1");
        cache.committed("product-search"); // another region's processor: catalog answers stay
        assertThat(ask(ReadCache.Region.CATALOG, "p1")).isEqualTo("p1#1");
        cache.committed("inventory-read-model");
        assertThat(ask(ReadCache.Region.CATALOG, "p1")).isEqualTo("p1#2");
        cache.committed("product-read-model");
        assertThat(ask(ReadCache.Region.CATALOG, "p1")).isEqualTo("p1#3");
        assertThat(ask(ReadCache.Region.SEARCH, "p1")).isEqualTo("p1#4");
        cache.committed("course-search");
        assertThat(ask(ReadCache.Region.SEARCH, "p1")).isEqualTo("p1#5");
    }

    private String askPage(String query, List<String> items) {
        return cache.get(ReadCache.Region.CATALOG, query, answer -> ReadCache.About.choiceOf(items),
                () -> query + "#" + loads.incrementAndGet());
    }

    @Test
    void aRegionKeepsAnswersUpToTheirWeightNotTheirCount() {
        // weight 100 (set up above): ninety answers about one product each are all kept
        for (int i = 0; i < 90; i++) askAbout("product " + i, "detail " + i);
        int loaded = loads.get();
        for (int i = 0; i < 90; i++) askAbout("product " + i, "detail " + i);
        assertThat(loads.get()).as("none loaded again").isEqualTo(loaded);

        // ten pages of 30 products weigh 31 each: at most three of them fit, the others are loaded again
        List<List<String>> pages = new java.util.ArrayList<>();
        for (int p = 0; p < 10; p++) {
            List<String> items = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) items.add("page " + p + " product " + i);
            pages.add(items);
            askPage("page " + p, items);
        }
        loaded = loads.get();
        for (int p = 0; p < 10; p++) askPage("page " + p, pages.get(p));
        assertThat(loads.get() - loaded).as("pages loaded again").isGreaterThanOrEqualTo(7);
    }

    private record Bytes(String text) implements ReadCache.Representation {
        @Override
        public int weight() { return text.length(); }
    }

    @Test
    void aRepresentationIsServedOnlyAtTheEpochItWasReadAfter() {
        long epoch = cache.epoch(ReadCache.Region.CATALOG);
        cache.keep(ReadCache.Region.CATALOG, "/products/1", ReadCache.About.anything(), epoch, new Bytes("one"));
        assertThat(cache.<Bytes>representation(ReadCache.Region.CATALOG, "/products/1", epoch)).isEqualTo(new Bytes("one"));
        assertThat(cache.<Bytes>representation(ReadCache.Region.SEARCH, "/products/1", cache.epoch(ReadCache.Region.SEARCH))).isNull();

        cache.committed("inventory-read-model");
        long now = cache.epoch(ReadCache.Region.CATALOG);
        assertThat(now).isGreaterThan(epoch);
        assertThat(cache.<Bytes>representation(ReadCache.Region.CATALOG, "/products/1", now)).as("read before a commit").isNull();

        // read after the old epoch was taken, kept after a commit came: never kept
        cache.keep(ReadCache.Region.CATALOG, "/products/2", ReadCache.About.anything(), epoch, new Bytes("stale"));
        assertThat(cache.<Bytes>representation(ReadCache.Region.CATALOG, "/products/2", epoch)).isNull();
        assertThat(cache.<Bytes>representation(ReadCache.Region.CATALOG, "/products/2", now)).isNull();
    }

    private static final String A = "0a000000-0000-4000-8000-000000000001";
    private static final String B = "0b000000-0000-4000-8000-000000000002";

    /** A committed batch of {@code processor} with these events. */
    private void commit(String processor, Object... payloads) {
        ReadCache.Batch batch = cache.batch(processor);
        for (Object payload : payloads) batch.add(payload);
        batch.committed();
    }

    private String askAbout(String item, String query) {
        return cache.get(ReadCache.Region.CATALOG, query, answer -> ReadCache.About.item(item),
                () -> query + "#" + loads.incrementAndGet());
    }

    private static StockReserved reserved(String product) {
        return new StockReserved(new ProductId(product), OrderId.random(), 1, 9, 1, 8);
    }

    @Test
    void anAnswerAboutOneProductOutlivesCommitsThatChangedOnlyOthers() {
        assertThat(askAbout(A, "detail A")).isEqualTo("detail A#1");
        assertThat(askAbout(B, "detail B")).isEqualTo("detail B#2");
        assertThat(ask(ReadCache.Region.CATALOG, "list")).isEqualTo("list#3");

        commit("inventory-read-model", reserved(B)); // an order reserved B's stock
        assertThat(askAbout(A, "detail A")).as("A untouched").isEqualTo("detail A#1");
        assertThat(askAbout(B, "detail B")).as("B changed").isEqualTo("detail B#4");
        assertThat(ask(ReadCache.Region.CATALOG, "list")).as("an answer about anything").isEqualTo("list#5");

        commit("product-read-model", new ProductUnlisted(new ProductId(A)), new ProductUnlisted(new ProductId(B)));
        assertThat(askAbout(A, "detail A")).isEqualTo("detail A#6");
        assertThat(askAbout(B, "detail B")).isEqualTo("detail B#7");
        assertThat(askAbout(A, "detail A")).isEqualTo("detail A#6");

        commit("product-read-model", "an event that names no product");
        assertThat(askAbout(A, "detail A")).as("every product may have changed").isEqualTo("detail A#8");
        assertThat(askAbout(B, "detail B")).isEqualTo("detail B#9");
        cache.committed("inventory-read-model"); // a commit without its events (a rebuild): every product
        assertThat(askAbout(A, "detail A")).isEqualTo("detail A#10");

        commit("product-search", reserved(B)); // another region's processor
        assertThat(askAbout(A, "detail A")).isEqualTo("detail A#10");
        assertThat(askAbout(B, "detail B")).isEqualTo("detail B#11");
    }

    private String askPage(String query, String... holds) {
        return cache.get(ReadCache.Region.CATALOG, query, answer -> ReadCache.About.choiceOf(List.of(holds)),
                () -> query + "#" + loads.incrementAndGet());
    }

    private static final String C = "0c000000-0000-4000-8000-000000000003";

    @Test
    void aPageOfProductsOutlivesStockCommitsOfProductsItDoesNotShowButNoCommitOfTheProductsThemselves() {
        assertThat(askPage("page A,B", A, B)).isEqualTo("page A,B#1");
        assertThat(askPage("page C", C)).isEqualTo("page C#2");

        commit("inventory-read-model", reserved(C)); // an order reserved C's stock: shown only on the second page
        assertThat(askPage("page A,B", A, B)).as("neither A nor B changed").isEqualTo("page A,B#1");
        assertThat(askPage("page C", C)).as("C's stock is shown on it").isEqualTo("page C#3");

        commit("inventory-read-model", reserved(B));
        assertThat(askPage("page A,B", A, B)).isEqualTo("page A,B#4");
        assertThat(askPage("page C", C)).isEqualTo("page C#3");

        // a product's own change (its price, its rating, unlisted) may move it into, out of or within any page
        commit("product-read-model", new ProductUnlisted(new ProductId(C)));
        assertThat(askPage("page A,B", A, B)).isEqualTo("page A,B#5");
        assertThat(askPage("page C", C)).isEqualTo("page C#6");

        assertThat(askPage("empty")).isEqualTo("empty#7");
        commit("inventory-read-model", reserved(A));
        assertThat(askPage("empty")).as("holds nothing whose stock changed").isEqualTo("empty#7");
        commit("inventory-read-model", "an event that names no product");
        assertThat(askPage("empty")).as("every product may have changed").isEqualTo("empty#8");
        assertThat(askPage("page C", C)).isEqualTo("page C#9");
        cache.committed("inventory-read-model"); // a rebuild's commit
        assertThat(askPage("page C", C)).isEqualTo("page C#10");
    }

    @Test
    void aPageLoadedWhileAProductItShowsChangedIsNotServedAfterTheCommit() {
        String during = cache.get(ReadCache.Region.CATALOG, "page A", answer -> ReadCache.About.choiceOf(List.of(A)), () -> {
            commit("inventory-read-model", reserved(A));
            return "old";
        });
        assertThat(during).isEqualTo("old");
        assertThat(askPage("page A", A)).isEqualTo("page A#1");

        long epoch = cache.epoch(ReadCache.Region.CATALOG);
        commit("inventory-read-model", reserved(B)); // while the pages' bytes were being read
        cache.keep(ReadCache.Region.CATALOG, "/products?p=1", ReadCache.About.choiceOf(List.of(A)), epoch, new Bytes("A"));
        cache.keep(ReadCache.Region.CATALOG, "/products?p=2", ReadCache.About.choiceOf(List.of(B)), epoch, new Bytes("B"));
        long now = cache.epoch(ReadCache.Region.CATALOG);
        assertThat(cache.<Bytes>representation(ReadCache.Region.CATALOG, "/products?p=1", now)).isEqualTo(new Bytes("A"));
        assertThat(cache.<Bytes>representation(ReadCache.Region.CATALOG, "/products?p=2", now)).isNull();
        commit("product-read-model", new ProductUnlisted(new ProductId(B)));
        assertThat(cache.<Bytes>representation(ReadCache.Region.CATALOG, "/products?p=1",
                cache.epoch(ReadCache.Region.CATALOG))).as("any product may now be on the page").isNull();
    }

    private String searchHolding(String query, String... hits) {
        return cache.get(ReadCache.Region.SEARCH, query, answer -> ReadCache.About.choiceOf(List.of(hits)),
                () -> query + "#" + loads.incrementAndGet());
    }

    @Test
    void searchHitsOutliveStockChangesOfProductsTheyDoNotHoldButNoOtherChange() {
        assertThat(searchHolding("lamp", A)).isEqualTo("lamp#1");
        assertThat(ask(ReadCache.Region.SEARCH, "anything")).isEqualTo("anything#2");

        commit("product-search", reserved(B)); // B sold out: its document says so
        assertThat(searchHolding("lamp", A)).as("B is not among its hits, and stock is no filter, sort or facet")
                .isEqualTo("lamp#1");
        assertThat(ask(ReadCache.Region.SEARCH, "anything")).isEqualTo("anything#3");
        commit("product-search", reserved(A));
        assertThat(searchHolding("lamp", A)).as("A's stock is shown on it").isEqualTo("lamp#4");

        commit("product-search", new ProductUnlisted(new ProductId(B))); // may leave or enter any search
        assertThat(searchHolding("lamp", A)).isEqualTo("lamp#5");
        commit("course-search", "a course event: names no product");
        assertThat(searchHolding("lamp", A)).isEqualTo("lamp#6");
    }

    @Test
    void onlyStockChangesLeaveTheChoiceOfListsAndSearches() {
        assertThat(ReadCache.itemOf(reserved(B))).isEqualTo(B);
        assertThat(ReadCache.chooses(reserved(B))).isFalse();
        assertThat(ReadCache.itemOf(new ProductUnlisted(new ProductId(B)))).isEqualTo(B);
        assertThat(ReadCache.chooses(new ProductUnlisted(new ProductId(B)))).isTrue();
        assertThat(ReadCache.itemOf("an event of anything else")).isNull();
        assertThat(ReadCache.chooses("an event of anything else")).isTrue();
    }

    @Test
    void anAnswerAboutAProductLoadedWhileItChangedIsNotServedAfterTheCommit() {
        String during = cache.get(ReadCache.Region.CATALOG, "detail A", answer -> ReadCache.About.item(A), () -> {
            commit("inventory-read-model", reserved(A)); // A changed under the load
            return "old";
        });
        assertThat(during).isEqualTo("old"); // its asker began before the commit
        assertThat(askAbout(A, "detail A")).isEqualTo("detail A#1");
        assertThat(askAbout(A, "detail A")).isEqualTo("detail A#1");

        String other = cache.get(ReadCache.Region.CATALOG, "detail B", answer -> ReadCache.About.item(B), () -> {
            commit("inventory-read-model", reserved(A)); // only A changed under B's load
            return "fresh";
        });
        assertThat(other).isEqualTo("fresh");
        assertThat(askAbout(B, "detail B")).as("kept: nothing touched B after its load began").isEqualTo("fresh");
    }

    @Test
    void aRepresentationOfOneProductIsKeptAndServedUntilThatProductChanges() {
        long epoch = cache.epoch(ReadCache.Region.CATALOG);
        commit("inventory-read-model", reserved(B)); // while A's answer was being read
        cache.keep(ReadCache.Region.CATALOG, "/products/A", ReadCache.About.item(A), epoch, new Bytes("A"));
        cache.keep(ReadCache.Region.CATALOG, "/products/B", ReadCache.About.item(B), epoch, new Bytes("stale B"));
        cache.keep(ReadCache.Region.CATALOG, "/products", ReadCache.About.anything(), epoch, new Bytes("stale list"));
        long now = cache.epoch(ReadCache.Region.CATALOG);
        assertThat(cache.<Bytes>representation(ReadCache.Region.CATALOG, "/products/A", now)).isEqualTo(new Bytes("A"));
        assertThat(cache.<Bytes>representation(ReadCache.Region.CATALOG, "/products/B", now)).isNull();
        assertThat(cache.<Bytes>representation(ReadCache.Region.CATALOG, "/products", now)).isNull();

        commit("product-read-model", new ProductUnlisted(new ProductId(A)));
        assertThat(cache.<Bytes>representation(ReadCache.Region.CATALOG, "/products/A",
                cache.epoch(ReadCache.Region.CATALOG))).isNull();
    }

    @Test
    void representationsAreKeptWithinTheirBytes() {
        long epoch = cache.epoch(ReadCache.Region.SEARCH);
        for (int i = 0; i < 100; i++) cache.keep(ReadCache.Region.SEARCH, "q" + i, ReadCache.About.anything(), epoch, new Bytes("x".repeat(100)));
        int kept = 0;
        for (int i = 0; i < 100; i++) if (cache.representation(ReadCache.Region.SEARCH, "q" + i, epoch) != null) kept++;
        assertThat(kept).as("4 KB over two regions: about 20 of 100-byte answers").isBetween(1, 25);
    }

    @Test
    void anAnswerLoadedWhileACommitCameIsNotServedAfterIt() {
        String during = cache.get(ReadCache.Region.CATALOG, "p1", () -> {
            cache.committed("product-read-model"); // the read model changed under the load
            return "old";
        });
        assertThat(during).isEqualTo("old"); // its asker began before the commit
        assertThat(ask(ReadCache.Region.CATALOG, "p1")).isEqualTo("p1#1");
        assertThat(ask(ReadCache.Region.CATALOG, "p1")).isEqualTo("p1#1");
    }

    @Test
    void concurrentAskersShareOneLoadButNeverOneBegunBeforeTheirEpoch() throws Exception {
        java.util.concurrent.CountDownLatch loading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var first = pool.submit(() -> cache.get(ReadCache.Region.SEARCH, "q", () -> {
                loading.countDown();
                await(release);
                return "before-commit#" + loads.incrementAndGet();
            }));
            loading.await();
            // same epoch: waits for the first load instead of loading again
            var sameEpoch = pool.submit(() -> ask(ReadCache.Region.SEARCH, "q"));
            Thread.sleep(100);
            cache.committed("product-search");
            // after the commit: must not take the first load's answer
            var afterCommit = pool.submit(() -> ask(ReadCache.Region.SEARCH, "q"));
            Thread.sleep(100);
            release.countDown();
            assertThat(first.get()).isEqualTo("before-commit#1");
            assertThat(sameEpoch.get()).isEqualTo("before-commit#1");
            assertThat(afterCommit.get()).isEqualTo("q#2");
            assertThat(ask(ReadCache.Region.SEARCH, "q")).isIn("q#2", "q#3");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void askersOfAPageShareALoadBegunBeforeACommitThatCouldNotChangeItButNotOneThatCould() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            for (String changed : List.of(B, A)) {
                java.util.concurrent.CountDownLatch loading = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
                String query = "page A after " + changed;
                var first = pool.submit(() -> cache.get(ReadCache.Region.CATALOG, query,
                        answer -> ReadCache.About.choiceOf(List.of(A)), () -> {
                            loading.countDown();
                            await(release);
                            return "begun before#" + loads.incrementAndGet();
                        }));
                loading.await();
                commit("inventory-read-model", reserved(changed)); // while the first load runs
                var after = pool.submit(() -> askPage(query, A)); // waits for the first load
                Thread.sleep(100);
                release.countDown();
                String shared = first.get();
                if (changed.equals(B)) {
                    assertThat(after.get()).as("only B changed: the load still answers").isEqualTo(shared);
                } else {
                    assertThat(after.get()).as("A changed under the load: its own").isNotEqualTo(shared)
                            .startsWith(query + "#");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withoutEverySegmentHereNothingIsCached() {
        assertThat(cache.serving(ReadCache.Region.CATALOG)).isTrue();
        segments.get("inventory-read-model").remove(1); // another process runs half the stream
        assertThat(cache.serving(ReadCache.Region.CATALOG)).isFalse();
        assertThat(cache.serving(ReadCache.Region.SEARCH)).isTrue();
        assertThat(ask(ReadCache.Region.CATALOG, "p1")).isEqualTo("p1#1");
        assertThat(ask(ReadCache.Region.CATALOG, "p1")).isEqualTo("p1#2");
        assertThat(ask(ReadCache.Region.SEARCH, "p1")).isEqualTo("p1#3");
        assertThat(ask(ReadCache.Region.SEARCH, "p1")).isEqualTo("p1#3");

        when(segments.get("product-search").get(0).isReplaying()).thenReturn(true);
        assertThat(ask(ReadCache.Region.SEARCH, "p1")).isEqualTo("p1#4");
        assertThat(ask(ReadCache.Region.SEARCH, "p1")).isEqualTo("p1#5");
    }

    @Test
    void answersKeptBeforeAnotherProcessRanASegmentAreNotServedOnceAllSegmentsAreBack() {
        assertThat(askAbout(A, "detail A")).isEqualTo("detail A#1");
        assertThat(ask(ReadCache.Region.CATALOG, "list")).isEqualTo("list#2");
        EventTrackerStatus lent = segments.get("inventory-read-model").remove(1); // another process runs it a while
        assertThat(askAbout(A, "detail A")).isEqualTo("detail A#3");
        segments.get("inventory-read-model").put(1, lent); // back, without this process seeing its commits
        assertThat(askAbout(A, "detail A")).isEqualTo("detail A#4");
        assertThat(ask(ReadCache.Region.CATALOG, "list")).isEqualTo("list#5");
        assertThat(askAbout(A, "detail A")).isEqualTo("detail A#4");
    }

    @Test
    void notFoundIsKeptUntilACommitAndADisabledCacheKeepsNothing() {
        AtomicInteger nulls = new AtomicInteger();
        cache.get(ReadCache.Region.CATALOG, "none", () -> { nulls.incrementAndGet(); return null; });
        cache.get(ReadCache.Region.CATALOG, "none", () -> { nulls.incrementAndGet(); return null; });
        assertThat(nulls).hasValue(1);
        cache.committed("product-read-model");
        cache.get(ReadCache.Region.CATALOG, "none", () -> { nulls.incrementAndGet(); return null; });
        assertThat(nulls).hasValue(2);

        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("config", config);
        cache = new ReadCache(beans.getBeanProvider(EventProcessingConfiguration.class), false, 100, 100, DataSize.ofKilobytes(4));
        assertThat(ask(ReadCache.Region.CATALOG, "p1")).isEqualTo("p1#1");
        assertThat(ask(ReadCache.Region.CATALOG, "p1")).isEqualTo("p1#2");
        assertThat(cache.serving(ReadCache.Region.CATALOG)).isFalse();
    }
}
