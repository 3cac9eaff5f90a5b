package dev.stoa.app.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.support.Api;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builders of course requests for the learning tests. */
final class Courses {
    private final Api api;

    Courses(Api api) { this.api = api; }

    static Map<String, Object> course(String title, long priceCents, String categoryId) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", "All about " + title + ".");
        body.put("priceCents", priceCents);
        body.put("currency", "USD");
        if (categoryId != null) body.put("categoryId", categoryId);
        return body;
    }

    static Map<String, Object> video(String title, int position, int seconds) {
        return Map.of("title", title, "type", "video", "position", position, "durationSeconds", seconds);
    }

    static Map<String, Object> reading(String title, int position, String body) {
        return Map.of("title", title, "type", "reading", "position", position, "durationSeconds", 600, "body", body);
    }

    static Map<String, Object> quiz(String title, int position) {
        return Map.of("title", title, "type", "quiz", "position", position, "quiz", List.of(
                Map.of("prompt", "What is 2 + 2?", "choices", List.of("3", "4", "5"), "correct", List.of(1)),
                Map.of("prompt", "Which are even?", "choices", List.of("1", "2", "4"), "correct", List.of(1, 2))));
    }

    String create(String token, Map<String, Object> course) {
        Api.Response r = api.post("/api/v1/courses", course, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.header("Location")).endsWith("/api/v1/courses/" + r.body().get("courseId").asText());
        return r.body().get("courseId").asText();
    }

    String addLesson(String token, String courseId, Map<String, Object> lesson) {
        Api.Response r = api.post("/api/v1/courses/" + courseId + "/lessons", lesson, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body().get("lessonId").asText();
    }

    void publishLesson(String token, String courseId, String lessonId) {
        Api.Response r = api.post("/api/v1/courses/" + courseId + "/lessons/" + lessonId + "/publish", null, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    Api.Response upload(String token, String courseId, String lessonId, byte[] bytes, String fileName, String contentType) {
        return upload(token, courseId, lessonId, bytes, fileName, contentType, Map.of());
    }

    /** An upload with more headers ({@code Idempotency-Key}); each call writes its own boundary, as clients do. */
    Api.Response upload(String token, String courseId, String lessonId, byte[] bytes, String fileName, String contentType,
                        Map<String, String> headers) {
        return upload(token, courseId, lessonId, List.of(new Part("file", fileName, contentType, bytes)), headers);
    }

    /** One part of a multipart body. */
    record Part(String name, String fileName, String contentType, byte[] bytes) {}

    /** An upload of these parts, in this order. */
    Api.Response upload(String token, String courseId, String lessonId, List<Part> parts, Map<String, String> headers) {
        String boundary = "stoa-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\"; filename=\""
                    + part.fileName() + "\"\r\nContent-Type: " + part.contentType() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(part.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return api.send("POST", "/api/v1/courses/" + courseId + "/lessons/" + lessonId + "/media",
                "multipart/form-data; boundary=" + boundary, body.toByteArray(), token, headers);
    }

    /** An MP4 as encoders start one (ftyp box, brand isom), then {@code size} bytes in all of a counting pattern. */
    static byte[] mp4(int size) {
        byte[] head = HexFormat.of().parseHex("0000001866747970" + "69736f6d" + "00000200" + "69736f6d69736f32");
        byte[] bytes = new byte[size];
        System.arraycopy(head, 0, bytes, 0, head.length);
        for (int i = head.length; i < size; i++) bytes[i] = (byte) (i % 251);
        return bytes;
    }
}
