package dev.stoa.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.stoa.query.platform.ReadCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** Which kept answers a catalog path's answer goes with, and how readers of one answer being rendered share it. */
class CatalogEtagFilterTest {
    private static final String ID = "0a1b2c3d-0000-4000-8000-00000000000e";
    private static final String BODY = "{\"items\":[],\"total\":0}";

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final AtomicInteger rendered = new AtomicInteger();
    private final CountDownLatch rendering = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() { pool.shutdownNow(); }

    @Test
    void productsAndTheirListAreKeptWithTheCatalogSearchAndSuggestWithTheSearch() {
        assertThat(CatalogEtagFilter.region("/api/v1/products/" + ID)).isEqualTo(ReadCache.Region.CATALOG);
        assertThat(CatalogEtagFilter.region("/api/v1/products")).isEqualTo(ReadCache.Region.CATALOG);
        assertThat(CatalogEtagFilter.region("/api/v1/search")).isEqualTo(ReadCache.Region.SEARCH);
        assertThat(CatalogEtagFilter.region("/api/v1/suggest")).isEqualTo(ReadCache.Region.SEARCH);
        // reviews, categories, courses: answered with an ETag, their bytes not kept
        assertThat(CatalogEtagFilter.region("/api/v1/products/" + ID + "/reviews")).isNull();
        assertThat(CatalogEtagFilter.region("/api/v1/categories")).isNull();
        assertThat(CatalogEtagFilter.region("/api/v1/courses")).isNull();
    }

    @Test
    void aReaderOfAnAnswerBeingRenderedWaitsForItInsteadOfRenderingItAgain() throws Exception {
        MockHttpServletResponse[] answers = twoReaders(cache -> {}); // the same request, meanwhile
        assertThat(answers[0].getContentAsString()).isEqualTo(BODY);
        assertThat(answers[1].getContentAsString()).isEqualTo(BODY);
        assertThat(answers[1].getHeader("ETag")).isEqualTo(answers[0].getHeader("ETag"));
        assertThat(rendered).as("rendered once").hasValue(1);
    }

    @Test
    void aReaderThatMustSeeACommitMadeWhileTheAnswerWasRenderedIsAnsweredByTheHandler() throws Exception {
        // the list may have changed under the rendering
        twoReaders(cache -> cache.committed("product-read-model"));
        assertThat(rendered).as("the second reader's own rendering").hasValue(2);
    }

    /**
     * A reader of the list whose handler is held while {@code meanwhile} happens and a second reader of the same list
     * comes; then the handler goes on. Their answers.
     */
    private MockHttpServletResponse[] twoReaders(java.util.function.Consumer<ReadCache> meanwhile) throws Exception {
        ReadCache cache = ownedCache();
        CatalogEtagFilter filter = new CatalogEtagFilter(provider(cache), new SimpleMeterRegistry());
        Future<MockHttpServletResponse> first = pool.submit(() -> list(filter));
        rendering.await();
        meanwhile.accept(cache);
        Future<MockHttpServletResponse> second = pool.submit(() -> list(filter));
        Thread.sleep(200);
        release.countDown();
        return new MockHttpServletResponse[] {first.get(), second.get()};
    }

    private MockHttpServletResponse list(CatalogEtagFilter filter) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/products");
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain handler = (req, res) -> {
            rendered.incrementAndGet();
            rendering.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            res.setContentType("application/json");
            res.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
        };
        filter.doFilter(request, response, handler);
        return response;
    }

    /** A read cache whose processors all run here, every segment (so it serves). */
    private static ReadCache ownedCache() {
        EventProcessingConfiguration config = mock(EventProcessingConfiguration.class);
        for (ReadCache.Region region : ReadCache.Region.values()) {
            for (String name : region.processors()) {
                StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
                when(processor.isRunning()).thenReturn(true);
                EventTrackerStatus status = mock(EventTrackerStatus.class);
                when(status.getSegment()).thenReturn(Segment.ROOT_SEGMENT);
                when(processor.processingStatus()).thenReturn(Map.of(0, status));
                when(config.eventProcessor(name)).thenReturn(Optional.of(processor));
            }
        }
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("config", config);
        return new ReadCache(beans.getBeanProvider(EventProcessingConfiguration.class), true, 100, 100,
                DataSize.ofMegabytes(1));
    }

    private static org.springframework.beans.factory.ObjectProvider<ReadCache> provider(ReadCache cache) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("readCache", cache);
        return beans.getBeanProvider(ReadCache.class);
    }
}
