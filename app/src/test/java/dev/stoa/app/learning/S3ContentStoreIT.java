package dev.stoa.app.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stoa.api.learning.ContentRefs;
import dev.stoa.api.learning.CourseId;
import dev.stoa.command.platform.StartupRefused;
import dev.stoa.query.learning.ContentFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourceRegion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.HttpRange;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ResourceRegionHttpMessageConverter;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 content store against a real S3-compatible server (S3Mock, over HTTP), built from the same settings the app
 * reads: put, open whole, open a range the way Spring serves one (a ranged GetObject, not the whole object skipped),
 * delete, and a missing ref. The client records the requests it sends, so the test sees what went over the wire.
 */
class S3ContentStoreIT {
    private static final String BUCKET = "lesson-media";
    private static S3MockServer server;
    private static S3ContentStore store;
    private static final List<String> sent = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = S3MockServer.start(BUCKET);
        S3Settings settings = new S3Settings(server.endpoint(), "eu-central-1", BUCKET, "test-access", "test-secret", true, "lessons/");
        S3Client client = settings.clientBuilder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        var request = context.httpRequest();
                        sent.add(request.method() + " " + request.encodedPath()
                                + request.firstMatchingHeader("Range").map(range -> " " + range).orElse(""));
                    }
                })).build();
        store = new S3ContentStore(client, BUCKET, settings.prefix());
    }

    @AfterAll
    static void stop() {
        if (store != null) store.close();
        if (server != null) server.close();
    }

    @BeforeEach
    void forget() { sent.clear(); }

    @Test
    void putOpenWholeAndDelete() throws Exception {
        String ref = newRef();
        byte[] pdf = bytes(3_000);
        store.put(ref, new ByteArrayInputStream(pdf), pdf.length, "application/pdf");
        assertThat(sent).containsExactly("PUT /" + BUCKET + "/lessons/" + ref); // path style, under the prefix

        ContentFiles.Stored stored = store.open(ref).orElseThrow();
        assertThat(stored.mediaType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(stored.resource().contentLength()).isEqualTo(3_000);
        try (InputStream in = stored.resource().getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }

        store.delete(ref);
        assertThat(store.open(ref)).isEmpty();
        store.delete(ref); // again: nothing there, no error
    }

    @Test
    void aRangeIsFetchedAsARangeTheWaySpringServesIt() throws Exception {
        String ref = newRef();
        byte[] video = bytes(200_000);
        store.put(ref, new ByteArrayInputStream(video), video.length, "video/mp4");
        Resource resource = store.open(ref).orElseThrow().resource();
        sent.clear();

        byte[] middle = serve(resource, "bytes=150000-150999");
        assertThat(middle).isEqualTo(Arrays.copyOfRange(video, 150_000, 151_000));
        byte[] tail = serve(resource, "bytes=-10");
        assertThat(tail).isEqualTo(Arrays.copyOfRange(video, 199_990, 200_000));
        byte[] head = serve(resource, "bytes=0-99");
        assertThat(head).isEqualTo(Arrays.copyOfRange(video, 0, 100));
        String key = "/" + BUCKET + "/lessons/" + ref;
        assertThat(sent).containsExactly("GET " + key + " bytes=150000-", "GET " + key + " bytes=199990-", "GET " + key);
    }

    @Test
    void aMissingRefIsEmptyAndOnlyStoreRefsBecomeKeys() throws Exception {
        assertThat(store.open(newRef())).isEmpty();
        assertThatThrownBy(() -> store.open("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("a/b", new ByteArrayInputStream(new byte[1]), 1, "application/pdf"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyFileIsServedWithoutAGet() throws Exception {
        String ref = newRef();
        store.put(ref, new ByteArrayInputStream(new byte[0]), 0, "application/pdf");
        try (InputStream in = store.open(ref).orElseThrow().resource().getInputStream()) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        assertThat(sent).noneMatch(request -> request.startsWith("GET"));
    }

    @Test
    void s3WithoutABucketOrWithHalfAKeyPairRefusesToStart() {
        assertThatThrownBy(() -> new S3Settings("http://localhost:9000", "", " ", "", "", true, ""))
                .isInstanceOf(StartupRefused.class).hasMessageContaining("stoa.learning.content.s3.bucket is not set");
        assertThatThrownBy(() -> new S3Settings("", "", "media", "key", "", false, ""))
                .isInstanceOf(StartupRefused.class).hasMessageContaining("access-key and .secret-key");
        assertThatThrownBy(() -> new S3Settings("localhost:9000", "", "media", "", "", false, ""))
                .isInstanceOf(StartupRefused.class).hasMessageContaining("not an http(s) URL");
        assertThat(new S3Settings("", "", "media", "key", "very-secret", false, null).toString()).doesNotContain("very-secret");
    }

    @Test
    void theStoreIsChosenByConfiguration() throws Exception {
        var environment = new org.springframework.core.env.StandardEnvironment();
        var properties = new java.util.HashMap<String, Object>();
        environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test", properties));
        properties.put("stoa.learning.content.s3.endpoint", server.endpoint());
        assertThatThrownBy(() -> new ContentConfiguration().contentStore("s3", environment))
                .isInstanceOf(StartupRefused.class).hasMessageContaining("stoa.learning.content.s3.bucket is not set");
        assertThatThrownBy(() -> new ContentConfiguration().contentStore("ftp", environment))
                .isInstanceOf(StartupRefused.class).hasMessageContaining("stoa.learning.content.store is 'ftp'");
        properties.put("stoa.learning.content.s3.bucket", BUCKET);
        properties.put("stoa.learning.content.s3.path-style", "true");
        properties.put("stoa.learning.content.s3.access-key", "a");
        properties.put("stoa.learning.content.s3.secret-key", "b");
        try (S3ContentStore configured = (S3ContentStore) new ContentConfiguration().contentStore("s3", environment)) {
            String ref = newRef();
            configured.put(ref, new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "image/png");
            assertThat(store.open(ref)).isEmpty(); // configured without a prefix: not under "lessons/"
            assertThat(configured.open(ref).orElseThrow().mediaType()).isEqualTo(MediaType.IMAGE_PNG);
        }
    }

    /** What Spring MVC does for a Range request on a returned Resource (ContentController): regions, then the converter. */
    private static byte[] serve(Resource resource, String range) throws Exception {
        List<ResourceRegion> regions = HttpRange.toResourceRegions(HttpRange.parseRanges(range), resource);
        assertThat(regions).hasSize(1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        HttpHeaders headers = new HttpHeaders();
        new ResourceRegionHttpMessageConverter().write(regions.get(0), MediaType.APPLICATION_OCTET_STREAM, new HttpOutputMessage() {
            @Override public OutputStream getBody() { return body; }
            @Override public HttpHeaders getHeaders() { return headers; }
        });
        assertThat(headers.getFirst(HttpHeaders.CONTENT_RANGE)).endsWith("/" + resource.contentLength());
        return body.toByteArray();
    }

    private static String newRef() { return ContentRefs.newRef(new CourseId(UUID.randomUUID().toString())); }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
