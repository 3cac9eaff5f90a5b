package dev.stoa.projection.catalog.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.ScrollResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A search index read and written through an alias ({@code stoa-products}) over versioned concrete indices
 * ({@code stoa-products-v1}, {@code -v2}...), so a rebuild fills a new version beside the live one and switches the
 * alias in one atomic request. An index that still exists under the alias's name as a concrete index (before
 * versions) is migrated on first use: its documents, with their external versions, are copied into {@code -v1}, and
 * one atomic request removes the old index and points the alias at the copy.
 *
 * <p>The mapping's {@code _meta.documents} says what its documents hold. A live version of a lower number (written by
 * an older release) gets the mapping's new fields when the alias is ensured, so the writers' documents, which carry
 * them, are taken (the mapping is strict); {@link #documentsCurrent} then answers false, and the start-up rebuilds the
 * index, so that the documents written before gain them as well.
 */
public final class VersionedIndex {
    private static final Logger log = LoggerFactory.getLogger(VersionedIndex.class);
    private final ElasticsearchClient client;
    private final String alias;
    private final String mapping;
    /** The mapping without its {@code _meta}: what a live version of an older release is given. */
    private final String fields;
    /** The mapping's {@code _meta.documents}. */
    private final int documents;
    private final Pattern version;
    private final Duration retireAfter;
    /**
     * How long a version the alias no longer points at is kept before it is deleted: a search that resolved the alias
     * just before the switch still runs on it (deleted in the switch itself, such searches failed with
     * {@code no_shard_available_action_exception}, a 500, in 5 of 10 rebuilds under load; walkthrough, 2026-12-06).
     */
    static final Duration RETIRE_AFTER = Duration.ofSeconds(10);
    private static final ScheduledExecutorService RETIRING = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stoa-search-index-retire");
        t.setDaemon(true);
        return t;
    });

    public VersionedIndex(ElasticsearchClient client, String alias, String mapping) {
        this(client, alias, mapping, RETIRE_AFTER);
    }

    VersionedIndex(ElasticsearchClient client, String alias, String mapping, Duration retireAfter) {
        this.client = client;
        this.alias = alias;
        this.mapping = mapping;
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode mappings = ((ObjectNode) json.readTree(mapping).get("mappings")).deepCopy();
            this.documents = mappings.path("_meta").path("documents").asInt(0);
            mappings.remove("_meta");
            this.fields = json.writeValueAsString(mappings);
        } catch (IOException e) {
            throw new IllegalArgumentException("the mapping of " + alias + " is not JSON", e);
        }
        this.version = Pattern.compile(Pattern.quote(alias) + "-v(\\d+)");
        this.retireAfter = retireAfter;
    }

    public String alias() { return alias; }

    /**
     * Makes the alias exist: over {@code -v1}, or over a copy of the concrete index of that name. Safe when several
     * threads or processes do it at once (the start-up's check and a processor's first write, on a fresh node): the
     * first version is always {@code -v1}, whoever creates it, and pointing the alias at it again changes nothing. Before
     * 2026-12-06 (sixth session) each took the next free version, so two at once made {@code -v1} and {@code -v2} and
     * both put the alias on theirs: an alias over two indices has no write index, and every write of the processor
     * failed from then on (a product written in the first second of a fresh platform jammed its search for good; seen
     * in a benchmark's start). A {@code -v1} left without its alias (a start that stopped in between) gets it.
     */
    public void ensure() {
        try {
            if (client.indices().existsAlias(a -> a.name(alias)).value()) {
                addFields();
                return;
            }
            // exists also answers true for the alias itself, which another thread may have added since the first look
            if (client.indices().exists(e -> e.index(alias)).value()) {
                if (client.indices().existsAlias(a -> a.name(alias)).value()) return;
                migrate();
                return;
            }
            String first = alias + "-v1";
            boolean created = true;
            try {
                create(first);
            } catch (ElasticsearchException e) {
                if (!"resource_already_exists_exception".equals(e.error().type())) throw e;
                created = false; // made by another thread or process, or by a start that stopped before its alias
            }
            client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(first).alias(alias))));
            if (created) log.info("Created search index {} under alias {}", first, alias);
            else addFields(); // a -v1 of an older release, perhaps
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create search index " + alias, e);
        }
    }

    /**
     * Puts the mapping's fields on the versions the alias points at: a field added since they were created is added to
     * them (existing fields are left as they are; a change ES refuses is logged, and the rebuild's new version has it).
     */
    private void addFields() throws IOException {
        for (String target : targets()) {
            try {
                client.indices().putMapping(p -> p.index(target).withJson(new StringReader(fields)));
            } catch (ElasticsearchException e) {
                log.warn("The mapping of {} could not take this release's fields ({}); its rebuild will", target,
                        e.getMessage());
            }
        }
    }

    /**
     * Whether every version the alias points at holds documents as this release writes them ({@code _meta.documents}
     * at least the mapping's); false means a rebuild should write them again. True when there is no alias yet.
     */
    public boolean documentsCurrent() {
        for (String target : targets()) if (documentsOf(target) < documents) return false;
        return true;
    }

    private int documentsOf(String index) {
        try {
            var mapping = client.indices().getMapping(g -> g.index(index)).result().get(index);
            JsonData value = mapping == null ? null : mapping.mappings().meta().get("documents");
            return value == null ? 0 : Integer.parseInt(value.toJson().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mapping of " + index, e);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The concrete indices the alias points at. */
    public List<String> targets() {
        try {
            if (!client.indices().existsAlias(a -> a.name(alias)).value()) return List.of();
            return List.copyOf(client.indices().getAlias(g -> g.name(alias)).result().keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read alias " + alias, e);
        }
    }

    /** Creates the next version, empty, with the mapping, outside the alias; returns its name. */
    public String createNextVersion() {
        try {
            return create(next());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a new version of " + alias, e);
        }
    }

    /**
     * Points the alias at {@code index} alone, in one atomic request, and deletes the versions it pointed at
     * {@link #RETIRE_AFTER} later (searches begun on them finish), with any older version left without the alias (a
     * process that stopped before its own deletion). Versions above the alias's (a rebuild under way) are left alone.
     */
    public void switchTo(String index) {
        List<String> old = targets().stream().filter(i -> !i.equals(index)).toList();
        try {
            client.indices().updateAliases(u -> {
                u.actions(a -> a.add(add -> add.index(index).alias(alias)));
                for (String o : old) u.actions(a -> a.remove(r -> r.index(o).alias(alias)));
                return u;
            });
            log.info("Search alias {} now points at {} (retiring {})", alias, index, old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot switch alias " + alias, e);
        }
        List<String> leftOver = leftOverBelow(old, index);
        if (!leftOver.isEmpty()) log.info("Deleting versions of {} left without the alias: {}", alias, leftOver);
        leftOver.forEach(this::drop);
        RETIRING.schedule(() -> old.forEach(o -> {
            try {
                drop(o);
            } catch (RuntimeException e) {
                log.warn("Could not delete the retired search index {}: {}", o, e.toString());
            }
        }), retireAfter.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Versions numbered below every one of {@code retired} and {@code live}, none of them under the alias. */
    private List<String> leftOverBelow(List<String> retired, String live) {
        if (!version.matcher(live).matches()) return List.of();
        int lowest = number(live);
        for (String r : retired) lowest = Math.min(lowest, number(r));
        int below = lowest;
        try {
            return client.indices().get(g -> g.index(alias + "-v*").ignoreUnavailable(true).allowNoIndices(true)).result()
                    .keySet().stream().filter(name -> version.matcher(name).matches() && number(name) < below)
                    .filter(name -> !retired.contains(name)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list versions of " + alias, e);
        }
    }

    private int number(String index) {
        Matcher m = version.matcher(index);
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    /** An empty new version behind the alias (a reset of the processor). */
    public void recreate() {
        ensure();
        switchTo(createNextVersion());
    }

    /** Deletes a version that was never switched to (a failed rebuild). */
    public void drop(String index) {
        try {
            client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + index, e);
        }
    }

    private String create(String index) throws IOException {
        client.indices().create(c -> c.index(index).withJson(new StringReader(mapping)));
        return index;
    }

    private String next() throws IOException {
        int max = 0;
        for (String name : client.indices().get(g -> g.index(alias + "-v*").ignoreUnavailable(true).allowNoIndices(true))
                .result().keySet()) {
            Matcher m = version.matcher(name);
            if (m.matches()) max = Math.max(max, Integer.parseInt(m.group(1)));
        }
        return alias + "-v" + (max + 1);
    }

    /** Copies the concrete index {@code alias} into {@code -v1} with each document's version, then swaps atomically. */
    private void migrate() throws IOException {
        int copiedDocuments = documentsOf(alias);
        String target = create(next());
        // the copy holds the old index's documents: its _meta says so, and the start-up rebuilds it when they are old
        client.indices().putMapping(p -> p.index(target).meta("documents", JsonData.of(copiedDocuments)));
        long copied = 0;
        client.indices().refresh(r -> r.index(alias));
        SearchResponse<JsonData> page = client.search(s -> s.index(alias).scroll(t -> t.time("1m")).size(500).version(true),
                JsonData.class);
        String scrollId = page.scrollId();
        List<Hit<JsonData>> hits = page.hits().hits();
        try {
            while (!hits.isEmpty()) {
                BulkRequest.Builder bulk = new BulkRequest.Builder().refresh(Refresh.False);
                for (Hit<JsonData> hit : hits)
                    bulk.operations(op -> op.index(i -> i.index(target).id(hit.id()).document(hit.source())
                            .version(hit.version()).versionType(VersionType.External)));
                var response = client.bulk(bulk.build());
                if (response.errors()) throw new IllegalStateException("copying " + alias + " into " + target + " failed");
                copied += hits.size();
                String current = scrollId;
                ScrollResponse<JsonData> next = client.scroll(s -> s.scrollId(current).scroll(t -> t.time("1m")), JsonData.class);
                scrollId = next.scrollId();
                hits = new ArrayList<>(next.hits().hits());
            }
        } finally {
            String last = scrollId;
            if (last != null) client.clearScroll(c -> c.scrollId(last));
        }
        client.indices().refresh(r -> r.index(target));
        client.indices().updateAliases(u -> u
                .actions(a -> a.add(add -> add.index(target).alias(alias)))
                .actions(a -> a.removeIndex(r -> r.index(alias))));
        log.info("Migrated search index {} ({} documents) to {} under an alias of its name", alias, copied, target);
    }
}
