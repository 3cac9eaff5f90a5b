package dev.stoa.app.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.learning.ContentRefs;
import dev.stoa.api.learning.CourseId;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.QueryProcess;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A query process configured with {@code stoa.learning.content.store=s3} (the test context's database and search
 * index, S3Mock as the bucket) serves lesson media over HTTP: the real ContentController, a signed URL, the whole file
 * and a seek, straight from the bucket. A second process rather than a second test context: it needs no PostgreSQL or
 * Elasticsearch of its own.
 */
class S3ContentServingIT extends ApiTest {
    private static final String BUCKET = "served-media";
    private final HttpClient http = HttpClient.newHttpClient();
    @Value("${stoa.learning.content.signing-key}")
    String signingKey;
    @org.springframework.beans.factory.annotation.Autowired
    Environment environment;

    @Test
    void aQueryProcessOnS3ServesSignedUrlsWholeAndRanged() throws Exception {
        try (S3MockServer s3 = S3MockServer.start(BUCKET);
             ConfigurableApplicationContext query = QueryProcess.start(Path.of("target/s3-query-data"),
                     environment.getProperty("spring.datasource.url"),
                     Path.of(environment.getProperty("stoa.security.jwt.key-file")).toAbsolutePath(),
                     Path.of(environment.getProperty("stoa.security.sealing.keyset-file")).toAbsolutePath(),
                     "--spring.elasticsearch.uris=" + environment.getProperty("spring.elasticsearch.uris"),
                     "--stoa.test.token-store-node=s3-query-process",
                     "--stoa.learning.content.store=s3", "--stoa.learning.content.s3.endpoint=" + s3.endpoint(),
                     "--stoa.learning.content.s3.bucket=" + BUCKET, "--stoa.learning.content.s3.path-style=true",
                     "--stoa.learning.content.s3.access-key=any", "--stoa.learning.content.s3.secret-key=any",
                     "--stoa.learning.content.s3.prefix=media/")) {
            assertThat(query.getBean(ContentStore.class)).isInstanceOf(S3ContentStore.class);
            int port = Integer.parseInt(query.getEnvironment().getProperty("local.server.port"));
            String ref = ContentRefs.newRef(new CourseId(UUID.randomUUID().toString()));
            byte[] video = new byte[50_000];
            new Random(7).nextBytes(video);
            query.getBean(ContentStore.class).put(ref, new ByteArrayInputStream(video), video.length, "video/webm");

            String url = "http://localhost:" + port + signedPath(ref);
            HttpResponse<byte[]> whole = download(url, null);
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(video);
            assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/webm");
            HttpResponse<byte[]> seek = download(url, "bytes=40000-40999");
            assertThat(seek.statusCode()).isEqualTo(206);
            assertThat(seek.headers().firstValue("Content-Range")).hasValue("bytes 40000-40999/50000");
            assertThat(seek.body()).isEqualTo(Arrays.copyOfRange(video, 40_000, 41_000));
            assertThat(download(url, "bytes=60000-").statusCode()).isEqualTo(416);

            String missing = ContentRefs.newRef(new CourseId(UUID.randomUUID().toString()));
            assertThat(download("http://localhost:" + port + signedPath(missing), null).statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<byte[]> download(String url, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (range != null) request.header("Range", range);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String signedPath(String ref) throws Exception {
        long expires = Instant.now().plusSeconds(60).getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((ref + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        return "/api/v1/content/" + ref + "?expires=" + expires + "&signature=" + signature;
    }
}
