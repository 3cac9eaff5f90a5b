package dev.stoa.projection.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.json.JsonData;
import dev.stoa.testsupport.TestElasticsearch;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alias over versioned indices, against a real node: created, migrated from a concrete index, switched. */
class VersionedIndexTest {
    private final ElasticsearchClient client = TestElasticsearch.client();

    @Test
    void aConcreteIndexOfTheAliasNameIsMigratedWithEveryDocumentAndItsVersion() throws Exception {
        String name = TestElasticsearch.uniquePrefix() + "products";
        client.indices().create(c -> c.index(name).withJson(new StringReader(ProductIndexMapping.JSON)));
        for (int i = 0; i < 1_203; i++) { // more than one page of the copy
            int n = i;
            client.index(x -> x.index(name).id("p" + n).document(Map.of("type", "product", "name", "Lamp " + n))
                    .version(100L + n).versionType(VersionType.External));
        }
        VersionedIndex index = new VersionedIndex(client, name, ProductIndexMapping.JSON);

        index.ensure();

        assertThat(index.targets()).containsExactly(name + "-v1");
        client.indices().refresh(r -> r.index(name));
        assertThat(client.count(c -> c.index(name)).count()).isEqualTo(1_203);
        GetResponse<JsonData> doc = client.get(g -> g.index(name).id("p1000"), JsonData.class);
        assertThat(doc.version()).isEqualTo(1_100L);
        assertThat(doc.source().toJson().asJsonObject().getString("name")).isEqualTo("Lamp 1000");
        index.ensure(); // once is enough
        assertThat(index.targets()).containsExactly(name + "-v1");
    }

    @Test
    void aNewVersionIsFilledBesideTheLiveOneAndSwitchedInAtOnce() throws Exception {
        String name = TestElasticsearch.uniquePrefix() + "products";
        VersionedIndex index = new VersionedIndex(client, name, ProductIndexMapping.JSON, java.time.Duration.ofSeconds(1));
        index.ensure();
        assertThat(index.targets()).containsExactly(name + "-v1");
        client.index(x -> x.index(name).id("old").document(Map.of("type", "product", "name", "Old")).refresh(
                co.elastic.clients.elasticsearch._types.Refresh.True));

        String next = index.createNextVersion();
        assertThat(next).isEqualTo(name + "-v2");
        client.index(x -> x.index(next).id("new").document(Map.of("type", "product", "name", "New")).refresh(
                co.elastic.clients.elasticsearch._types.Refresh.True));
        assertThat(client.count(c -> c.index(name)).count()).isEqualTo(1); // readers still see the live version

        index.switchTo(next);

        assertThat(index.targets()).containsExactly(next);
        assertThat(client.search(s -> s.index(name), JsonData.class).hits().hits().stream().map(h -> h.id()).toList())
                .isEqualTo(List.of("new"));
        // the old version is out of the alias at once, and deleted a moment later: a search begun on it just before the
        // switch still finishes (deleted in the switch, such searches failed with no_shard_available_action_exception)
        assertThat(client.search(s -> s.index(name + "-v1"), JsonData.class).hits().hits()).hasSize(1);
        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (client.indices().exists(e -> e.index(name + "-v1")).value() && System.nanoTime() < until) Thread.sleep(100);
        assertThat(client.indices().exists(e -> e.index(name + "-v1")).value()).as("retired, then deleted").isFalse();
    }

    /** A version a process left without the alias (it stopped before deleting it) goes at the next switch. */
    @Test
    void aVersionLeftBehindBelowTheLiveOne_isDeletedAtTheNextSwitch_aRebuildAboveItIsNot() throws Exception {
        String name = TestElasticsearch.uniquePrefix() + "products";
        VersionedIndex index = new VersionedIndex(client, name, ProductIndexMapping.JSON, java.time.Duration.ofHours(1));
        index.ensure();                            // v1, live
        String second = index.createNextVersion(); // v2
        index.switchTo(second);                    // v1 retired (an hour: as if the process stopped before deleting it)
        String third = index.createNextVersion();  // v3
        String fourth = index.createNextVersion(); // v4: another rebuild under way, above the live version
        index.switchTo(third);
        assertThat(index.targets()).containsExactly(third);
        assertThat(client.indices().exists(e -> e.index(name + "-v1")).value()).as("left behind below: deleted").isFalse();
        assertThat(client.indices().exists(e -> e.index(second)).value()).as("just retired: kept a while").isTrue();
        assertThat(client.indices().exists(e -> e.index(fourth)).value()).as("a rebuild above: kept").isTrue();
    }
    /**
     * Several at once on a fresh node (the start-up's check and a processor's first write): one version, the alias on
     * it, and a write through the alias works. Before the fix each took the next free version: {@code -v1} and
     * {@code -v2} under one alias, which then had no write index, and every write failed.
     */
    @Test
    void ensuredByManyAtOnce_oneVersionUnderTheAlias_andWritesGoThrough() throws Exception {
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 5; round++) {
                String name = TestElasticsearch.uniquePrefix() + "products";
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long after = 20L * t; // staggered: some look while the first version is being made
                    done.add(pool.submit(() -> {
                        go.await();
                        Thread.sleep(after);
                        new VersionedIndex(client, name, ProductIndexMapping.JSON).ensure();
                        return null;
                    }));
                }
                go.countDown();
                for (java.util.concurrent.Future<?> f : done) f.get();
                VersionedIndex index = new VersionedIndex(client, name, ProductIndexMapping.JSON);
                assertThat(index.targets()).as("round " + round).containsExactly(name + "-v1");
                assertThat(client.indices().get(g -> g.index(name + "-v*")).result().keySet()).containsExactly(name + "-v1");
                client.index(x -> x.index(name).id("p").document(Map.of("type", "product", "name", "Lamp")));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A {@code -v1} left without its alias (a start that stopped in between) is taken, not left beside a {@code -v2}. */
    @Test
    void aFirstVersionLeftWithoutItsAlias_getsIt() throws Exception {
        String name = TestElasticsearch.uniquePrefix() + "products";
        client.indices().create(c -> c.index(name + "-v1").withJson(new StringReader(ProductIndexMapping.JSON)));
        VersionedIndex index = new VersionedIndex(client, name, ProductIndexMapping.JSON);
        index.ensure();
        assertThat(index.targets()).containsExactly(name + "-v1");
        client.index(x -> x.index(name).id("p").document(Map.of("type", "product", "name", "Lamp")));
    }

    /**
     * A live version an older release made (its mapping without this release's fields, no {@code _meta.documents})
     * takes documents with the new fields once the alias is ensured (the mapping is strict: before 2026-12-07 a new
     * field in a document was refused by such an index), and says its documents are not current, so the start-up
     * rebuilds it; a version made with this mapping is current, as is a copy migrated from a concrete index is not.
     */
    @Test
    void aVersionOfAnOlderRelease_getsTheNewFields_andIsNotCurrent_untilANewVersionReplacesIt() throws Exception {
        String name = TestElasticsearch.uniquePrefix() + "products";
        String older = ProductIndexMapping.JSON.replace("\"_meta\": { \"documents\": 2 },", "")
                .replace("\"nameFolded\":  { \"type\": \"text\", \"analyzer\": \"standard\" },", "");
        assertThat(older).doesNotContain("_meta").doesNotContain("nameFolded");
        client.indices().create(c -> c.index(name + "-v1").withJson(new StringReader(older)));
        client.indices().updateAliases(u -> u.actions(a -> a.add(x -> x.index(name + "-v1").alias(name))));
        Map<String, Object> withNewField = Map.of("type", "product", "name", "Œuvre", "nameFolded", "oeuvre");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> client.index(x -> x.index(name).id("p").document(withNewField))).as("strict, as it was")
                .hasMessageContaining("strict_dynamic_mapping_exception");

        VersionedIndex index = new VersionedIndex(client, name, ProductIndexMapping.JSON);
        index.ensure();

        assertThat(index.targets()).containsExactly(name + "-v1");
        client.index(x -> x.index(name).id("p").document(withNewField));
        assertThat(index.documentsCurrent()).isFalse();
        index.switchTo(index.createNextVersion());
        assertThat(index.documentsCurrent()).isTrue();

        String concrete = TestElasticsearch.uniquePrefix() + "products";
        client.indices().create(c -> c.index(concrete).withJson(new StringReader(older)));
        VersionedIndex migrated = new VersionedIndex(client, concrete, ProductIndexMapping.JSON);
        migrated.ensure();
        assertThat(migrated.targets()).containsExactly(concrete + "-v1");
        assertThat(migrated.documentsCurrent()).as("the copy holds the old documents").isFalse();
    }
}
