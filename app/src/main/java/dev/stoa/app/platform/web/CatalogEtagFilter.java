package dev.stoa.app.platform.web;

import dev.stoa.query.platform.ReadCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.ShallowEtagHeaderFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Conditional reads of the public catalog ({@code /products}, a product and its reviews, {@code /search},
 * {@code /suggest}, {@code /categories}, {@code /courses}): each answer carries an {@code ETag} (a hash of its body)
 * and {@code Cache-Control: no-cache}, so a client may keep it but asks again every time; a read whose
 * {@code If-None-Match} still matches answers {@code 304} without a body. The hash is of the answer itself, so a
 * write that changed it (read-your-writes: answered after the read model has it) never gets a 304 for the old one.
 * Every other path keeps Spring Security's {@code no-store}.
 * <p>
 * The product list, a product, search and suggest (the reads {@link ReadCache} keeps answers of) are kept whole as
 * well: the bytes that went out, their {@code ETag} and the headers the handler set, under the request's path, query
 * string and {@code Accept}, in the {@link ReadCache} region of the read model they come from, with the region's
 * epoch taken before the request was handled. The same request is answered from them (no handler, no serialising,
 * no hashing) while they are fresh by the rules of the answer cache itself, by what the answer is about as the query
 * the handler asked told ({@link ReadCache#ABOUT}): a product's own read until a commit changes that product, a page
 * of the list, of search hits or of suggestions until a commit changes the stock of a product it shows or commits any
 * other change; so read-your-writes stays exact. A request that finds the same request being
 * answered by the handler (an answer just ended, and its readers come all at once) waits for it, at most
 * {@link #RENDERING_WAIT}, and is answered from what it kept if that is fresh for it by the same rule, else by the
 * handler. Only
 * {@code 200} answers without cookies are kept; this runs after Spring Security and the read-your-writes filters, so
 * those still apply to every request. The metric {@code stoa.catalog.answers} counts the answers by region and source
 * ({@code kept} or {@code handler}).
 */
@Component
@Order(30)
public class CatalogEtagFilter extends ShallowEtagHeaderFilter {
    private static final String PRODUCTS = "/api/v1/products";
    private static final Set<String> EXACT = Set.of(PRODUCTS, "/api/v1/search", "/api/v1/suggest",
            "/api/v1/categories", "/api/v1/courses");
    /** Headers a kept answer sets itself, or that must never be kept. */
    private static final Set<String> NOT_REPLAYED = Set.of("content-type", "content-length", "etag", "cache-control",
            "set-cookie");

    /** What a request is answered from: the same path, query string and accepted types give the same answer. */
    private record Key(String path, String query, String accept) {}

    /** An answer as it went out (status 200): its content type, body, ETag and the handler's other headers. */
    private record Answer(String contentType, byte[] body, String etag, List<Map.Entry<String, String>> headers)
            implements ReadCache.Representation {
        @Override
        public int weight() { return body.length + 64 * (headers.size() + 3); }
    }

    /** The longest a request waits for the same request's answer being rendered before it is handled itself. */
    static final Duration RENDERING_WAIT = Duration.ofSeconds(1);

    private final ObjectProvider<ReadCache> readCache;
    /** Requests being answered by the handler now, by key, each done when its answer was kept (or found not keepable). */
    private final Map<Key, CompletableFuture<Void>> rendering = new ConcurrentHashMap<>();
    /** The read cache once found: asking the provider on every request cost a twentieth of a kept read's CPU. */
    private volatile ReadCache resolved;
    /** Per region: answers sent from kept bytes, and answers the handler gave (kept or not). */
    private final Map<ReadCache.Region, Counter> kept = new EnumMap<>(ReadCache.Region.class);
    private final Map<ReadCache.Region, Counter> handled = new EnumMap<>(ReadCache.Region.class);

    public CatalogEtagFilter(ObjectProvider<ReadCache> readCache, MeterRegistry meters) {
        this.readCache = readCache;
        for (ReadCache.Region region : ReadCache.Region.values()) {
            String name = region.name().toLowerCase();
            kept.put(region, Counter.builder("stoa.catalog.answers").tag("region", name).tag("source", "kept")
                    .description("Catalog reads answered from the bytes kept for the same request").register(meters));
            handled.put(region, Counter.builder("stoa.catalog.answers").tag("region", name).tag("source", "handler")
                    .description("Catalog reads the handler answered").register(meters));
        }
    }

    /** Whether the path (or path template) is one of the catalog reads answered with an ETag. */
    public static boolean catalog(String path) {
        return EXACT.contains(path) || product(path) || (path.startsWith(PRODUCTS + "/") && path.endsWith("/reviews"));
    }

    private static boolean product(String path) {
        return path.startsWith(PRODUCTS + "/") && path.indexOf('/', PRODUCTS.length() + 1) < 0;
    }

    /** The region whose answers a path's answer is kept in, or null for those kept only as an ETag. */
    static ReadCache.Region region(String path) {
        if (path.equals(PRODUCTS) || product(path)) return ReadCache.Region.CATALOG;
        if (path.equals("/api/v1/search") || path.equals("/api/v1/suggest")) return ReadCache.Region.SEARCH;
        return null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || !catalog(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        // a HEAD is answered as its GET, whose body Tomcat does not send for a HEAD: the same headers, ETag and
        // Content-Length, and If-None-Match (before 2026-12-06, seventh session, a HEAD had no ETag: Spring's ETag
        // filter takes GETs only, and the servlet's HEAD writes no body to take one of)
        if ("HEAD".equals(request.getMethod())) request = new AsGet(request);
        ReadCache.Region region = region(request.getRequestURI());
        ReadCache cache = region == null ? null : readCache();
        if (cache == null || !cache.serving(region)) {
            if (region != null) handled.get(region).increment();
            if (anyTag(request)) { // "*" on a read nothing keeps (its ETag only), or while the cache is off (a rebuild)
                Answer answer = handle(request, response, chain);
                if (answer != null) notModified(response, answer); // not a 200: passed on as it came
                return;
            }
            super.doFilterInternal(request, response, chain);
            return;
        }
        long epoch = cache.epoch(region); // before the answer is read: it holds every commit counted up to here
        Key key = new Key(request.getRequestURI(), request.getQueryString(), request.getHeader(HttpHeaders.ACCEPT));
        Answer answer = cache.representation(region, key, epoch);
        if (answer == null) answer = afterRendering(cache, region, key, epoch);
        (answer == null ? handled : kept).get(region).increment();
        if (answer == null) {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            boolean leading = rendering.putIfAbsent(key, mine) == null;
            try {
                answer = handle(request, response, chain);
                if (answer == null) return; // answered as it came (not a 200, or with a cookie)
                cache.keep(region, key, about(request), epoch, answer);
            } finally {
                if (leading) {
                    rendering.remove(key, mine);
                    mine.complete(null);
                }
            }
        } else {
            response.setStatus(HttpServletResponse.SC_OK);
            for (Map.Entry<String, String> header : answer.headers()) response.addHeader(header.getKey(), header.getValue());
        }
        if (anyTag(request)) { // "*": any current answer (RFC 9110, 13.1.2), which Spring matches only for unsafe methods
            notModified(response, answer);
            return;
        }
        if (new ServletWebRequest(request, response).checkNotModified(answer.etag())) return; // 304, ETag set
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    /**
     * When the same request is being answered by the handler now (a kept answer just ended, and its readers all came
     * at once), waits for that (at most {@link #RENDERING_WAIT}) and looks at the kept answers again: the one it kept
     * is served if it is fresh at this request's epoch (by the cache's own rule), else null and this request is handled
     * too. Null at once when nothing is being rendered.
     */
    private Answer afterRendering(ReadCache cache, ReadCache.Region region, Key key, long epoch) {
        CompletableFuture<Void> running = rendering.get(key);
        if (running == null) return null;
        try {
            running.get(RENDERING_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
        return cache.representation(region, key, epoch);
    }

    /** What the handler's answer is about, as the query it asked told ({@link ReadCache#ABOUT}); else anything. */
    private static ReadCache.About about(HttpServletRequest request) {
        return request.getAttribute(ReadCache.ABOUT) instanceof ReadCache.About about ? about : ReadCache.About.anything();
    }

    /** The read cache, or null where there is none (a platform without the query side). */
    private ReadCache readCache() {
        ReadCache cache = resolved;
        if (cache == null) resolved = cache = readCache.getIfAvailable();
        return cache;
    }

    /**
     * Runs the handler with its body held back: its answer to keep, or null when it is not one to keep (then it has
     * been passed on as it came, without an ETag unless it is a 2xx, as the plain ETag filter does).
     */
    private Answer handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Set<String> before = new HashSet<>();
        for (String name : response.getHeaderNames()) before.add(name.toLowerCase());
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, held);
        byte[] body = held.getContentAsByteArray();
        if (held.getStatus() != HttpServletResponse.SC_OK || held.getContentType() == null
                || response.getHeader(HttpHeaders.SET_COOKIE) != null || response.isCommitted()) {
            held.copyBodyToResponse();
            return null;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            String lower = name.toLowerCase();
            if (before.contains(lower) || NOT_REPLAYED.contains(lower)) continue;
            for (String value : response.getHeaders(name)) headers.add(Map.entry(name, value));
        }
        String etag = generateETagHeaderValue(new ByteArrayInputStream(body), isWriteWeakETag());
        return new Answer(held.getContentType(), body, etag, List.copyOf(headers));
    }

    private static void notModified(HttpServletResponse response, Answer answer) {
        response.setHeader(HttpHeaders.ETAG, answer.etag());
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
    }

    /** A HEAD, handled as the GET it asks the headers of. */
    private static final class AsGet extends jakarta.servlet.http.HttpServletRequestWrapper {
        AsGet(HttpServletRequest request) { super(request); }

        @Override
        public String getMethod() { return "GET"; }
    }

    /** An {@code If-None-Match: *} (before 2026-12-06, sixth session, it was answered 200 with the whole body). */
    private static boolean anyTag(HttpServletRequest request) {
        for (var values = request.getHeaders(HttpHeaders.IF_NONE_MATCH); values.hasMoreElements(); )
            for (String tag : values.nextElement().split(","))
                if (tag.strip().equals("*")) return true;
        return false;
    }
}
