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
        VersionedIndex index = new VersionedIndex(client, name, ProductIndexMapping.JSON);
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
        assertThat(client.indices().exists(e -> e.index(name + "-v1")).value()).isFalse();
        assertThat(client.search(s -> s.index(name), JsonData.class).hits().hits().stream().map(h -> h.id()).toList())
                .isEqualTo(List.of("new"));
    }
}
