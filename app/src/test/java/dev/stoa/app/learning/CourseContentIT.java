package dev.stoa.app.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Lesson media through HTTP: upload typed by its bytes and size-limited, the owner's signed URL, whole and ranged
 * downloads, and the refusals of tampered and expired URLs.
 */
class CourseContentIT extends ApiTest {
    private final HttpClient http = HttpClient.newHttpClient();
    @Value("${stoa.learning.content.signing-key}")
    String signingKey;
    @Value("${stoa.learning.content.dir}")
    Path contentDir;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;
    @org.springframework.beans.factory.annotation.Autowired
    org.axonframework.commandhandling.gateway.CommandGateway gateway;

    /**
     * An upload with an {@code Idempotency-Key} (API.md: on any POST) is stored once: its retry, in a body with another
     * boundary, gets the first answer again; the same key with other bytes is 422. Before 2026-12-06 (seventh session)
     * the key's filter read the body to compare it, and the upload found no part: 400 "Required part 'file' is not
     * present" (found by a walkthrough).
     */
    @Test
    void anUploadWithAnIdempotencyKey_isStoredOnce_andItsRetryGetsTheFirstAnswer() {
        Courses courses = new Courses(api);
        String instructor = tokenFor("instructor");
        String courseId = courses.create(instructor, Courses.course("Colour grading " + unique("v"), 2_500, null));
        String lessonId = courses.addLesson(instructor, courseId, Courses.video("Grades", 1, 42));
        Map<String, String> key = Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString());
        byte[] mp4 = Courses.mp4(5_000);

        // the wrong file first (empty, then not a type lessons take): refused before anything ran, it keeps no answer,
        // so the right file under the same key uploads (422 idempotency_key_reused before 2026-12-07; walkthrough Z46)
        Api.Response empty = courses.upload(instructor, courseId, lessonId, new byte[0], "grades.mp4", "video/mp4", key);
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.body().at("/errors/0/field").asText()).isEqualTo("file");
        Api.Response text = courses.upload(instructor, courseId, lessonId,
                "just notes".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "grades.mp4", "video/mp4", key);
        assertThat(text.status()).as(text.toString()).isEqualTo(415);
        Api.Response first = courses.upload(instructor, courseId, lessonId, mp4, "grades.mp4", "video/mp4", key);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.body().get("sizeBytes").asLong()).isEqualTo(5_000);
        Api.Response retry = courses.upload(instructor, courseId, lessonId, mp4, "grades.mp4", "video/mp4", key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body().get("contentRef").asText()).isEqualTo(first.body().get("contentRef").asText());
        Api.Response other = courses.upload(instructor, courseId, lessonId, Courses.mp4(5_001), "grades.mp4", "video/mp4", key);
        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency_key_reused");
        Api.Response fresh = courses.upload(instructor, courseId, lessonId, mp4, "grades.mp4", "video/mp4",
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
        assertThat(fresh.status()).as("a new key uploads again").isEqualTo(201);
        assertThat(fresh.body().get("contentRef").asText()).isNotEqualTo(first.body().get("contentRef").asText());
    }

    @Test
    void uploadSignedUrlRangeAndRefusals() throws Exception {
        Courses courses = new Courses(api);
        String instructor = tokenFor("instructor");
        String courseId = courses.create(instructor, Courses.course("Video editing " + unique("v"), 2_500, null));
        String lessonId = courses.addLesson(instructor, courseId, Courses.video("Cuts", 1, 42));

        byte[] mp4 = Courses.mp4(6_000);
        Api.Response uploaded = courses.upload(instructor, courseId, lessonId, mp4, "cuts.bin", "application/octet-stream");
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.body().get("mediaType").asText()).isEqualTo("video/mp4"); // by its bytes, not the header
        assertThat(uploaded.body().get("sizeBytes").asLong()).isEqualTo(6_000);
        String ref = uploaded.body().get("contentRef").asText();
        assertThat(ref).startsWith(courseId + ".");

        assertThat(uploaded.header("Location")).as("where the content is read")
                .isEqualTo("/api/v1/courses/" + courseId + "/lessons/" + lessonId + "/content");
        Api.Response content = api.get(uploaded.header("Location"), instructor);
        assertThat(content.status()).as(content.toString()).isEqualTo(200);
        assertThat(content.body().get("type").asText()).isEqualTo("video");
        assertThat(content.body().get("durationSeconds").asInt()).isEqualTo(42);
        Instant expiresAt = Instant.parse(content.body().get("expiresAt").asText());
        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));
        String url = content.body().get("url").asText();

        // the whole file, then a range of it, without a token: the signature is the permission
        HttpResponse<byte[]> whole = download(url, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(mp4);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        // asked for by its own type, or as anything: the file (every Accept but */* was 406 before 2026-12-06); the file
        // comes under its own type whatever the Accept (RFC 9110 12.5.1 lets a server disregard it)
        for (String accept : new String[] {"video/mp4", "video/*", "*/*", "application/octet-stream"}) {
            HttpResponse<byte[]> typed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                    .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(typed.statusCode()).as(accept).isEqualTo(200);
            assertThat(typed.body()).isEqualTo(mp4);
        }
        HttpResponse<byte[]> range = download(url, "bytes=1000-1999");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/6000");
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(mp4, 1000, 2000));
        HttpResponse<byte[]> tail = download(url, "bytes=-10");
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(mp4, 5990, 6000));
        assertThat(whole.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"lesson.mp4\"");
        // past the end: 416 with the length, as a problem (it was the whole file, as video/mp4); unreadable: ignored
        HttpResponse<byte[]> pastEnd = download(url, "bytes=7000-8000");
        assertThat(pastEnd.statusCode()).isEqualTo(416);
        assertThat(pastEnd.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(pastEnd.headers().firstValue("Content-Range")).hasValue("bytes */6000");
        assertThat(new String(pastEnd.body(), StandardCharsets.UTF_8)).contains("\"code\":\"range_not_satisfiable\"");
        // named as the problem it is (Spring named it f.txt before 2026-12-06, ninth session)
        assertThat(pastEnd.headers().firstValue("Content-Disposition")).hasValue("inline; filename=\"problem.json\"");
        HttpResponse<byte[]> unreadable = download(url, "bytes=abc");
        assertThat(unreadable.statusCode()).isEqualTo(200);
        assertThat(unreadable.body()).isEqualTo(mp4);
        assertThat(unreadable.headers().firstValue("Content-Length")).hasValue("6000");

        // tampered: another signature, a stretched expiry, another file's ref with this signature
        String signature = url.substring(url.indexOf("signature=") + 10);
        String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
        assertRefused(url.replace(signature, flipped));
        HttpResponse<byte[]> refusedAsJson = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + url.replace(signature, flipped))).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(refusedAsJson.statusCode()).as("the refusal, not 406").isEqualTo(403);
        long expires = expiresAt.getEpochSecond();
        assertRefused(url.replace("expires=" + expires, "expires=" + (expires + 3600)));
        assertRefused(url.replace(ref, courseId + "." + UUID.randomUUID()));
        assertRefused("/api/v1/content/" + ref);
        assertRefused("/api/v1/content/" + ref + "?expires=" + expires);
        // expired: properly signed, a minute ago
        long past = Instant.now().minusSeconds(60).getEpochSecond();
        assertRefused("/api/v1/content/" + ref + "?expires=" + past + "&signature=" + sign(ref, past));
        // and the control: the same signing, in the future, works
        long future = Instant.now().plusSeconds(60).getEpochSecond();
        assertThat(download("/api/v1/content/" + ref + "?expires=" + future + "&signature=" + sign(ref, future), null)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void uploadsAreTypedSizedAndOnlyTheOwners() throws Exception {
        Courses courses = new Courses(api);
        String instructor = tokenFor("instructor");
        String courseId = courses.create(instructor, Courses.course("Uploads " + unique("u"), 0, null));
        String video = courses.addLesson(instructor, courseId, Courses.video("Clip", 1, 10));
        String reading = courses.addLesson(instructor, courseId, Courses.reading("Notes", 2, "Read this."));
        long filesBefore = files();

        Api.Response text = courses.upload(instructor, courseId, video,
                "<html>not a video</html>".getBytes(StandardCharsets.UTF_8), "clip.mp4", "video/mp4");
        assertThat(text.status()).as(text.toString()).isEqualTo(415);
        assertThat(text.code()).isEqualTo("unsupported_media_type");
        assertThat(text.contentType()).startsWith("application/problem+json");

        Api.Response big = courses.upload(instructor, courseId, video, Courses.mp4(300 * 1024), "big.mp4", "video/mp4");
        assertThat(big.status()).as(big.toString()).isEqualTo(413);
        assertThat(big.code()).isEqualTo("payload_too_large");

        Api.Response stranger = courses.upload(tokenFor("instructor"), courseId, video, Courses.mp4(2048), "a.mp4", "video/mp4");
        assertThat(stranger.status()).as("a draft is nobody else's to know of").isEqualTo(404);
        assertThat(courses.upload(tokenFor("customer"), courseId, video, Courses.mp4(2048), "a.mp4", "video/mp4").status())
                .isEqualTo(403);
        assertThat(courses.upload(null, courseId, video, Courses.mp4(2048), "a.mp4", "video/mp4").status()).isEqualTo(401);
        // a PDF is no video; on a reading it is an attachment
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(courses.upload(instructor, courseId, video, pdf, "notes.pdf", "application/pdf").code())
                .isEqualTo("validation_failed");
        // the upload is its one part "file": a second file was dropped and a part of another name ignored (201), and
        // an upload without "file" was bad_request with no field, before 2026-12-07, sixth session (walkthrough Z24)
        Courses.Part clip = new Courses.Part("file", "a.mp4", "video/mp4", Courses.mp4(2048));
        Api.Response twoFiles = courses.upload(instructor, courseId, video, List.of(clip,
                new Courses.Part("file", "b.mp4", "video/mp4", Courses.mp4(4096))), Map.of());
        assertThat(twoFiles.status()).as(twoFiles.toString()).isEqualTo(400);
        assertThat(twoFiles.code()).isEqualTo("validation_failed");
        assertThat(twoFiles.body().at("/errors/0/field").asText()).isEqualTo("file");
        Api.Response extra = courses.upload(instructor, courseId, video, List.of(clip,
                new Courses.Part("caption", "a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8))), Map.of());
        assertThat(extra.status()).as(extra.toString()).isEqualTo(400);
        assertThat(extra.code()).isEqualTo("validation_failed");
        assertThat(extra.body().at("/errors/0/field").asText()).isEqualTo("caption");
        Api.Response noFile = courses.upload(instructor, courseId, video,
                List.of(new Courses.Part("upload", "a.mp4", "video/mp4", Courses.mp4(2048))), Map.of());
        assertThat(noFile.status()).as(noFile.toString()).isEqualTo(400);
        assertThat(noFile.code()).isEqualTo("validation_failed");
        assertThat(noFile.body().at("/errors/0/field").asText()).isEqualTo("file");
        assertThat(noFile.body().at("/errors/0/message").asText()).isEqualTo("is required");
        assertThat(files()).isEqualTo(filesBefore); // refused uploads left nothing behind

        Api.Response attached = courses.upload(instructor, courseId, reading, pdf, "notes.pdf", "application/pdf");
        assertThat(attached.status()).isEqualTo(201);
        Api.Response content = api.get("/api/v1/courses/" + courseId + "/lessons/" + reading + "/content", instructor);
        assertThat(content.body().get("body").asText()).isEqualTo("Read this.");
        HttpResponse<byte[]> file = download(content.body().get("url").asText(), null);
        assertThat(file.body()).isEqualTo(pdf);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");

        // a contentRef of the course's own storage names a file uploaded to it, of a type the lesson takes: a made-up
        // one, or the PDF given to a video lesson, was taken and published before 2026-12-07, and the student's player
        // got a 404 or a PDF (walkthrough Z40)
        String pdfRef = attached.body().get("contentRef").asText();
        Map<String, Object> madeUp = new java.util.HashMap<>(Courses.video("Made up", 3, 30));
        madeUp.put("contentRef", courseId + "." + java.util.UUID.randomUUID());
        Api.Response nothing = api.post("/api/v1/courses/" + courseId + "/lessons", madeUp, instructor);
        assertThat(nothing.status()).as(nothing.toString()).isEqualTo(400);
        assertThat(nothing.body().at("/errors/0/field").asText()).isEqualTo("contentRef");
        Map<String, Object> pdfAsVideo = new java.util.HashMap<>(Courses.video("Not a video", 3, 30));
        pdfAsVideo.put("contentRef", pdfRef);
        Api.Response notVideo = api.post("/api/v1/courses/" + courseId + "/lessons", pdfAsVideo, instructor);
        assertThat(notVideo.status()).as(notVideo.toString()).isEqualTo(400);
        assertThat(notVideo.body().at("/errors/0/message").asText()).contains("a video lesson takes a video");
        assertThat(api.put("/api/v1/courses/" + courseId + "/lessons/" + video, pdfAsVideo, instructor).status())
                .as("nor by an edit").isEqualTo(400);
        Map<String, Object> handout = new java.util.HashMap<>(Courses.reading("Handout", 4, "Read it."));
        handout.put("contentRef", pdfRef);
        assertThat(api.post("/api/v1/courses/" + courseId + "/lessons", handout, instructor).status())
                .as("the file the course holds, where it fits").isEqualTo(201);
    }

    /**
     * The attachment lands but its answer is lost (a timeout, a lost connection to Axon Server): the upload answers 5xx
     * and keeps the file, which the lesson now names. Before, any failure deleted it, and the lesson pointed at a file
     * that was gone (its signed URL answered 404).
     */
    @Test
    void anUploadWhoseAttachmentGotNoAnswer_keepsItsFile() throws Exception {
        Courses courses = new Courses(api);
        String instructor = tokenFor("instructor");
        String courseId = courses.create(instructor, Courses.course("Lost answers " + unique("l"), 0, null));
        String lessonId = courses.addLesson(instructor, courseId, Courses.video("Clip", 1, 10));
        byte[] mp4 = Courses.mp4(4_000);
        java.util.concurrent.atomic.AtomicBoolean lost = new java.util.concurrent.atomic.AtomicBoolean();
        org.axonframework.commandhandling.CommandBus bus = context.getBean(org.axonframework.commandhandling.CommandBus.class);
        var registration = bus.registerDispatchInterceptor(messages -> (i, message) -> {
            if (message.getPayload() instanceof dev.stoa.api.learning.AttachLessonMedia attach
                    && attach.lessonId().value().equals(lessonId) && lost.compareAndSet(false, true)) {
                gateway.sendAndWait(attach); // it lands...
                throw new org.axonframework.commandhandling.CommandExecutionException("no answer in time",
                        new java.util.concurrent.TimeoutException("... and its answer is lost"));
            }
            return message;
        });
        Api.Response uploaded;
        try {
            uploaded = courses.upload(instructor, courseId, lessonId, mp4, "clip.mp4", "video/mp4");
        } finally {
            registration.cancel();
        }
        assertThat(lost).isTrue();
        assertThat(uploaded.status()).as(uploaded.toString()).isGreaterThanOrEqualTo(500);

        // a 5xx answer waits for no read model: the lesson's content shows the attachment a moment later
        String path = "/api/v1/courses/" + courseId + "/lessons/" + lessonId + "/content";
        dev.stoa.app.support.Await.until(() -> api.get(path, instructor).body().hasNonNull("url"),
                java.time.Duration.ofSeconds(20), "the lesson names its file");
        HttpResponse<byte[]> file = download(api.get(path, instructor).body().get("url").asText(), null);
        assertThat(file.statusCode()).as("the lesson's file is there").isEqualTo(200);
        assertThat(file.body()).isEqualTo(mp4);
    }

    private void assertRefused(String url) throws Exception {
        HttpResponse<byte[]> r = download(url, null);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).as(url + " → " + body).isEqualTo(403);
        assertThat(body).contains("\"code\":\"content_link_invalid\"");
    }

    private HttpResponse<byte[]> download(String path, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (range != null) request.header("Range", range);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String sign(String ref, long expires) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((ref + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
    }

    private long files() throws Exception {
        if (!Files.isDirectory(contentDir)) return 0;
        try (Stream<Path> all = Files.list(contentDir)) {
            return all.count();
        }
    }
}
