package dev.stoa.query.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stoa.api.catalog.ProductScoped;
import dev.stoa.api.inventory.StockScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Answers of public catalog queries kept in memory, invalidated by the commits of the processors that write the read
 * model they come from, so read-your-writes stays exact:
 * <ul>
 *   <li>Each {@link Region} has an epoch that {@link #committed} raises after each batch its processors commit, before
 *   any write waiting for that batch is answered ({@code ProcessorProgress} calls it first). An answer is kept with
 *   the epoch read before it was loaded (so it holds every commit counted up to that epoch) and served only while
 *   the epoch is unchanged, so nothing loaded before a commit is served after the write it made was answered.
 *   Answers that are null (not found) are kept too: whatever creates the thing raises the epoch.</li>
 *   <li>An answer about one <em>item</em> of a region (a product, for its own read) outlives commits that changed only
 *   other items: each commit also records its epoch against the items its events name ({@link #itemOf}), in
 *   one of {@value #STRIPES} stripes by the item's hash (a stripe shared with another item only costs a reload), and
 *   a commit with an event that names no item records it against all of them. Such an answer is served while no
 *   commit after the epoch it was kept with touched its stripe: the answer about product A stays kept while orders
 *   reserve product B's stock, and a write to A is seen by the next read of A as before.</li>
 *   <li>An answer that holds a <em>choice</em> of items (a page of the product list, of search hits, suggestions) is
 *   served while no commit after its epoch touched one of the items it holds and none had an event that may change
 *   a choice ({@link #chooses}: every event but a stock change, since no list, search or facet filters, sorts or
 *   counts by stock): orders reserving stock of products a page does not show leave it kept; a new product, a price
 *   or a rating (which may move any product into, out of or within a page) ends every page. What an answer is about
 *   is told with it ({@link About}). A search's scores may also shift with the index's statistics alone (a changed
 *   document's old copy counts until Elasticsearch merges it away), as they do between Elasticsearch's own merges; a
 *   kept search answer does not follow such shifts, only changes of what was written.</li>
 *   <li>The cache serves only while this process runs every segment of the region's processors (running, not in
 *   error, not replaying, segments covering the whole stream): commits it does not see could change the read model
 *   otherwise (several query processes sharing segments). Else every ask goes to the query bus; and once it owns them
 *   all again, nothing kept before is served (commits were made elsewhere meanwhile).</li>
 * </ul>
 * Answers must not depend on who asks (public catalog queries only). Each region keeps answers up to a weight, not a
 * number of them ({@link About#weight}): a page of 100 products holds a hundred times what one product's answer does,
 * so a bound by count let distinct pages (a crawler's, varying a filter) fill the heap.
 */
@Component
public class ReadCache {
    /** Stripes of item epochs per region: a power of two. */
    static final int STRIPES = 4096;

    /** What a cached answer was read from: the processors whose commits change it. */
    public enum Region {
        /** Products (their details and ratings) and their stock. */
        CATALOG("product-read-model", "inventory-read-model"),
        /** The search indices: products (with whether they are in stock) and courses. */
        SEARCH("product-search", "course-search");

        private final List<String> processors;

        Region(String... processors) { this.processors = List.of(processors); }

        public List<String> processors() { return processors; }
    }

    /**
     * The one item whose answers an event's payload may change (a product, for its {@link ProductScoped} events), or
     * null when it may change any answer.
     */
    static Object itemOf(Object payload) { return payload instanceof ProductScoped e ? e.productId().value() : null; }

    /**
     * Whether an event may change which items an answer holding a choice of them holds, or their order: every event
     * but a change of stock levels alone ({@link StockScoped}), which only changes what is shown of its product.
     */
    static boolean chooses(Object payload) { return !(payload instanceof StockScoped); }

    /**
     * What an answer is about, which decides the commits that end it: anything (every commit of the region), one item
     * (commits that touched it), or a choice of items (commits that touched one of them, and every commit with an
     * event that {@linkplain #chooses chooses}).
     */
    public static final class About {
        private static final About ANYTHING = new About(null, false);
        /** The items, or null: about anything. */
        private final Object[] items;
        private final boolean choice;

        private About(Object[] items, boolean choice) {
            this.items = items;
            this.choice = choice;
        }

        public static About anything() { return ANYTHING; }

        /** About one item alone (a product's own read, found or not), as {@link #itemOf} names it. */
        public static About item(Object item) { return new About(new Object[] {item}, false); }

        /** Holding these items, as {@link #itemOf} names them, chosen and ordered by what stock changes do not change. */
        public static About choiceOf(Collection<?> items) { return new About(items.toArray(), true); }

        /**
         * What an answer about this weighs in its region's cache: about one item's worth (a product or search hit,
         * around a kilobyte) for an answer about one item or anything, and one more for each item of a choice (a
         * page, search hits with their facets, suggestions).
         */
        int weight() { return choice ? 1 + items.length : 1; }

        /** Whether an answer about this, kept at epoch {@code kept}, may be served at epoch {@code now}. */
        private boolean freshIn(Touched touched, long kept, long now) {
            if (kept == now) return true;
            if (items == null || (choice && touched.chosen.get() > kept)) return false;
            return touched.untouchedSince(items, kept);
        }
    }

    /**
     * The request attribute under which {@link Queries} leaves what the answer it asked for is about, so that the
     * web layer keeping the whole HTTP answer keeps it by the same rule.
     */
    public static final String ABOUT = ReadCache.class.getName() + ".about";

    /**
     * Per region: the epoch of the last commit that touched each stripe of items, or every item, and of the last
     * commit with an event that {@linkplain #chooses chooses}.
     */
    private record Touched(AtomicLongArray stripes, AtomicLong all, AtomicLong chosen) {
        Touched() { this(new AtomicLongArray(STRIPES), new AtomicLong(), new AtomicLong()); }

        /** Whether no commit after {@code epoch} touched any of {@code items}. */
        boolean untouchedSince(Object[] items, long epoch) {
            if (all.get() > epoch) return false;
            for (Object item : items) if (stripes.get(stripe(item)) > epoch) return false;
            return true;
        }

        void touch(Object item, long epoch) { stripes.accumulateAndGet(stripe(item), epoch, Math::max); }

        void touchAll(long epoch) { all.accumulateAndGet(epoch, Math::max); }

        private static int stripe(Object item) {
            int h = item.hashCode();
            return (h ^ (h >>> 16)) & (STRIPES - 1);
        }
    }

    private record Kept(long epoch, Object answer, About about) {}

    /** A whole HTTP answer kept by the web layer: its bytes, and what else it needs to be answered again. */
    public interface Representation {
        /** What it costs in memory, roughly, in bytes. */
        int weight();
    }

    private final Map<Region, AtomicLong> epochs = new EnumMap<>(Region.class);
    private final Map<Region, Touched> touched = new EnumMap<>(Region.class);
    /** Whether the region was owned when last looked at (see {@link #owns}). */
    private final Map<Region, AtomicBoolean> owning = new EnumMap<>(Region.class);
    private final Map<Region, Cache<Object, Kept>> caches = new EnumMap<>(Region.class);
    private final Map<Region, Cache<Object, Kept>> representations = new EnumMap<>(Region.class);
    /** Each region's processors, looked up once they all exist (asking Spring and Axon on every read costs more). */
    private final Map<Region, List<StreamingEventProcessor>> processors = new ConcurrentHashMap<>();
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final boolean enabled;

    public ReadCache(ObjectProvider<EventProcessingConfiguration> processing,
                     @Value("${stoa.read-cache.enabled:true}") boolean enabled,
                     @Value("${stoa.read-cache.catalog-weight:40000}") long catalogWeight,
                     @Value("${stoa.read-cache.search-weight:50000}") long searchWeight,
                     @Value("${stoa.read-cache.response-bytes:64MB}") DataSize responseBytes) {
        this.processing = processing;
        this.enabled = enabled;
        for (Region region : Region.values()) {
            epochs.put(region, new AtomicLong());
            touched.put(region, new Touched());
            owning.put(region, new AtomicBoolean());
            caches.put(region, Caffeine.newBuilder()
                    .executor(Runnable::run) // evicts on the writer's thread: never above its weight for long
                    .maximumWeight(region == Region.SEARCH ? searchWeight : catalogWeight)
                    .weigher((Object query, Kept kept) -> kept.about().weight()).build());
            representations.put(region, Caffeine.newBuilder()
                    .executor(Runnable::run) // evicts on the writer's thread: never above its bytes for long
                    .maximumWeight(responseBytes.toBytes() / Region.values().length)
                    .weigher((Object key, Kept kept) -> ((Representation) kept.answer()).weight()).build());
        }
    }

    /**
     * Whether answers of the region may be kept now (the cache is on and this process runs every segment of its
     * processors); a caller keeping representations asks this first, then takes the {@link #epoch}.
     */
    public boolean serving(Region region) { return enabled && owns(region); }

    /** The region's epoch now: take it before reading what will be kept with it. */
    public long epoch(Region region) { return epochs.get(region).get(); }

    /**
     * The representation kept under {@code key} if it is still fresh at {@code epoch} (the epoch now) by what it is
     * about ({@link About}), else null.
     */
    @SuppressWarnings("unchecked")
    public <T extends Representation> T representation(Region region, Object key, long epoch) {
        Kept kept = representations.get(region).getIfPresent(key);
        return kept != null && fresh(region, kept, epoch) ? (T) kept.answer() : null;
    }

    /**
     * Keeps {@code representation} of an answer {@code about} something, read after {@code epoch} was taken, under
     * {@code key}: served by {@link #representation} only while it is fresh, as the answers of {@link #get}.
     */
    public void keep(Region region, Object key, About about, long epoch, Representation representation) {
        Kept kept = new Kept(epoch, representation, about);
        if (fresh(region, kept, epochs.get(region).get())) representations.get(region).put(key, kept);
    }

    /** The cached answer to {@code query}, an answer about anything: see {@link #get(Region, Object, Function, Supplier)}. */
    public <R> R get(Region region, Object query, Supplier<R> loader) {
        return get(region, query, answer -> About.anything(), loader);
    }

    /**
     * The cached answer to {@code query} if still fresh by what it is {@code about} (told of each answer loaded), else
     * {@code loader}'s. Concurrent askers of one query share one load (a popular search costs Elasticsearch one query,
     * not one per asker), as long as that load began at or after the epoch each of them saw, or no commit since it
     * began could have changed its answer (by what it is about: orders of other products do not make every asker of a
     * page load it again); an answer loaded before a commit is never handed to someone who must see it.
     */
    @SuppressWarnings("unchecked")
    public <R> R get(Region region, Object query, Function<? super R, About> about, Supplier<R> loader) {
        if (!enabled || !owns(region)) return loader.get();
        long now = epochs.get(region).get();
        Cache<Object, Kept> cache = caches.get(region);
        Kept kept = cache.getIfPresent(query);
        if (kept != null && fresh(region, kept, now)) return (R) kept.answer();
        if (kept != null) cache.asMap().remove(query, kept);
        Kept loaded = cache.get(query, key -> {
            R answer = loader.get();
            return new Kept(now, answer, about.apply(answer));
        });
        if (loaded.epoch() >= now || fresh(region, loaded, now)) return (R) loaded.answer();
        return loader.get(); // a load begun before a commit this asker must see: its own, uncached
    }

    /** Whether a kept answer may be served at epoch {@code now}: no commit since that could have changed it. */
    private boolean fresh(Region region, Kept kept, long now) {
        return kept.about().freshIn(touched.get(region), kept.epoch(), now);
    }

    /**
     * A batch of {@code processor} was committed that may have changed any of its answers: answers read before it are
     * no longer served.
     */
    public void committed(String processor) {
        Batch batch = batch(processor);
        batch.everything = true;
        batch.chose = true;
        batch.committed();
    }

    /** What a batch of {@code processor} changes, told event by event while it runs, then {@link Batch#committed}. */
    public Batch batch(String processor) { return new Batch(processor); }

    /** The items of each region one batch of a processor changed. */
    public final class Batch {
        private final Set<Region> regions = EnumSet.noneOf(Region.class);
        private final Set<Object> items = new HashSet<>();
        private boolean everything;
        private boolean chose;

        private Batch(String processor) {
            for (Region region : Region.values()) if (region.processors().contains(processor)) regions.add(region);
        }

        /** One event of the batch, by its payload. */
        public void add(Object payload) {
            if (regions.isEmpty()) return;
            Object item = itemOf(payload);
            if (item == null) everything = true;
            else items.add(item);
            if (chooses(payload)) chose = true;
        }

        /**
         * The batch was committed: each region's epoch moves (answers about anything read before are no longer
         * served), the items it changed (every item, if an event named none) record that epoch, and so does the
         * region's choice if an event may have changed it.
         */
        public void committed() {
            for (Region region : regions) {
                long epoch = epochs.get(region).incrementAndGet();
                Touched regionTouched = touched.get(region);
                if (chose) regionTouched.chosen().accumulateAndGet(epoch, Math::max);
                if (everything) {
                    regionTouched.touchAll(epoch);
                } else {
                    for (Object item : items) regionTouched.touch(item, epoch);
                }
            }
        }
    }

    /**
     * {@link #ownsAll}, and when this process owns the region again after a time it did not, every answer kept before
     * is ended: commits of the segments another process ran meanwhile were never told here.
     */
    private boolean owns(Region region) {
        boolean owns = ownsAll(region);
        AtomicBoolean owned = owning.get(region);
        if (owns && !owned.get()) {
            touched.get(region).touchAll(epochs.get(region).incrementAndGet()); // before serving anything again
            owned.set(true);
        } else if (!owns && owned.get()) {
            owned.set(false);
        }
        return owns;
    }

    /** Whether this process alone writes the region's read model now: every segment of each processor is here. */
    private boolean ownsAll(Region region) {
        List<StreamingEventProcessor> streaming = processors.get(region);
        if (streaming == null) {
            streaming = lookUp(region);
            if (streaming == null) return false;
            processors.put(region, streaming);
        }
        for (StreamingEventProcessor processor : streaming) {
            if (!processor.isRunning() || processor.isError()) return false;
            double covered = 0;
            for (EventTrackerStatus status : processor.processingStatus().values()) {
                if (status.isErrorState() || status.isReplaying()) return false;
                covered += 1.0 / (status.getSegment().getMask() + 1);
            }
            if (covered < 0.999_999) return false;
        }
        return true;
    }

    /** The region's streaming processors, or null while one of them is not there (no processing in this profile). */
    private List<StreamingEventProcessor> lookUp(Region region) {
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null) return null;
        List<StreamingEventProcessor> found = new ArrayList<>();
        for (String name : region.processors()) {
            EventProcessor processor = config.eventProcessor(name).orElse(null);
            if (!(processor instanceof StreamingEventProcessor streaming)) return null;
            found.add(streaming);
        }
        return List.copyOf(found);
    }
}
