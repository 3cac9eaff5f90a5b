package dev.stoa.app.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.stoa.api.identity.EraseUser;
import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Actor;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The school end to end through HTTP, as its users meet it: an instructor builds and publishes a course with a video, a
 * reading and a quiz; a student enrolls for free, watches the video through a signed URL (and seeks in it), completes
 * the lessons, fails and then passes the quiz, gets a certificate anyone can verify and download as a PDF, and reviews
 * the course, whose rating then shows in the course, its reviews and search. Erasing the student erases their name
 * from the certificate and their comment from the review.
 */
class LearningJourneyIT extends ApiTest {
    private static final List<List<Integer>> HALF_RIGHT = List.of(List.of(1), List.of(0));
    private static final List<List<Integer>> ALL_RIGHT = List.of(List.of(1), List.of(2, 1));
    private final HttpClient http = HttpClient.newHttpClient();
    @Autowired
    CommandGateway commands;

    @Test
    void buildEnrollLearnCertifyAndReview() throws Exception {
        Courses courses = new Courses(api);
        String tag = unique("j").substring(2);
        UserId instructorId = registered("Grace", "Hopper", "instructor");
        String instructor = tokenAs(instructorId.value(), "instructor");
        String courseId = courses.create(instructor, Courses.course("Compilers " + tag, 0, null));
        String video = courses.addLesson(instructor, courseId, Courses.video("Lexing", 1, 120));
        String reading = courses.addLesson(instructor, courseId, Courses.reading("Parsing", 2, "Read about LL(1)."));
        String quiz = courses.addLesson(instructor, courseId, Courses.quiz("Check", 3));
        byte[] mp4 = Courses.mp4(8_000);
        assertThat(courses.upload(instructor, courseId, video, mp4, "lexing.mp4", "video/mp4").status()).isEqualTo(201);
        assertThat(api.get("/api/v1/courses/" + courseId).status()).as("a draft is nobody's business").isEqualTo(404);
        // nor to a review (it was 403 purchase_required before 2026-12-06, seventh session: the draft existed)
        Api.Response onDraft = api.post("/api/v1/courses/" + courseId + "/reviews", Map.of("rating", 5), tokenFor("customer"));
        assertThat(onDraft.status()).as(onDraft.toString()).isEqualTo(404);
        assertThat(onDraft.code()).isEqualTo("not_found");
        for (String lesson : List.of(video, reading, quiz)) courses.publishLesson(instructor, courseId, lesson);
        assertThat(api.post("/api/v1/courses/" + courseId + "/publish", null, instructor).status()).isEqualTo(204);

        UserId studentId = registered("Zoë", "Łukasiewicz", "customer");
        String student = tokenAs(studentId.value(), "customer");
        assertThat(api.put("/api/v1/courses/" + courseId, Courses.course("Mine now", 0, null), student).status())
                .as("a student editing a course").isEqualTo(403);
        Api.Response outline = api.get("/api/v1/courses/" + courseId + "/lessons", student);
        assertThat(outline.body().get("items")).hasSize(3);
        assertThat(outline.raw()).doesNotContain("\"correct\"");
        Api.Response locked = api.get(content(courseId, video), student);
        assertThat(locked.status()).isEqualTo(403);
        assertThat(locked.code()).isEqualTo("purchase_required");

        // enroll for free: the content opens, the video seeks through its signed URL
        Api.Response enrolled = api.post("/api/v1/courses/" + courseId + "/enroll", "", student);
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        Api.Response watch = api.get(content(courseId, video), student);
        assertThat(watch.status()).as(watch.toString()).isEqualTo(200);
        String url = watch.body().get("url").asText();
        HttpResponse<byte[]> seek = download(url, "bytes=4000-4999");
        assertThat(seek.statusCode()).isEqualTo(206);
        assertThat(seek.body()).isEqualTo(Arrays.copyOfRange(mp4, 4000, 5000));
        assertThat(download(url.replace("expires=", "expires=1"), null).statusCode()).as("a stretched expiry").isEqualTo(403);
        Api.Response questions = api.get(content(courseId, quiz), student);
        assertThat(questions.status()).isEqualTo(200);
        assertThat(questions.raw()).contains("What is 2 + 2?").doesNotContain("\"correct\"");

        // not started: no review yet
        Api.Response early = api.post("/api/v1/courses/" + courseId + "/reviews", Map.of("rating", 5), student);
        assertThat(early.status()).as(early.toString()).isEqualTo(403);
        assertThat(early.code()).isEqualTo("course_not_started");

        // learn: two lessons, a failed quiz, then a passed one
        assertThat(progress(courseId, Map.of("lessonId", video, "completed", true, "secondsSpent", 130), student)
                .body().get("progressPercent").asInt()).isEqualTo(33);
        assertThat(progress(courseId, Map.of("lessonId", reading, "completed", true), student)
                .body().get("progressPercent").asInt()).isEqualTo(66);
        Api.Response failed = progress(courseId, Map.of("lessonId", quiz, "quizAnswers", HALF_RIGHT), student);
        assertThat(failed.body().at("/quizResult/scorePercent").asInt()).isEqualTo(50);
        assertThat(failed.body().get("status").asText()).isEqualTo("active");
        assertThat(failed.raw()).doesNotContain("\"correct\"");
        Api.Response passed = progress(courseId, Map.of("lessonId", quiz, "quizAnswers", ALL_RIGHT), student);
        assertThat(passed.body().get("status").asText()).isEqualTo("completed");
        String certificateId = passed.body().get("certificateId").asText();

        // anyone verifies the certificate and downloads it
        Api.Response certificate = api.get("/api/v1/certificates/" + certificateId);
        assertThat(certificate.status()).as(certificate.toString()).isEqualTo(200);
        assertThat(certificate.body().get("studentName").asText()).isEqualTo("Zoë Łukasiewicz");
        assertThat(certificate.body().get("courseTitle").asText()).isEqualTo("Compilers " + tag);
        assertThat(certificate.body().get("instructorName").asText()).isEqualTo("Grace Hopper");
        assertThat(certificate.body().get("quizAverage").asInt()).isEqualTo(100);
        HttpResponse<byte[]> pdf = download("/api/v1/certificates/" + certificateId + "/pdf", null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new PdfTextExtractor(new PdfReader(pdf.body())).getTextFromPage(1))
                .contains("Zoë Łukasiewicz", "Compilers " + tag, "taught by Grace Hopper", certificateId);
        // the PDF refused with q=0 is refused beside a wider range too (it was served before 2026-12-06, seventh session)
        for (String accept : List.of("application/pdf;q=0, */*", "*/*, application/pdf;q=0", "application/pdf;q=0")) {
            Api.Response refusedPdf = api.send("GET", "/api/v1/certificates/" + certificateId + "/pdf", null, null, null,
                    Map.of("Accept", accept));
            assertThat(refusedPdf.status()).as(accept).isEqualTo(406);
            assertThat(refusedPdf.code()).as(accept).isEqualTo("not_acceptable");
        }
        assertThat(api.send("GET", "/api/v1/certificates/" + certificateId + "/pdf", null, null, null,
                Map.of("Accept", "application/json;q=0, application/pdf")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/certificates/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/certificates/not-an-id").status()).isEqualTo(400);

        // a review by the student: the course's rating, its reviews, search
        Api.Response review = api.post("/api/v1/courses/" + courseId + "/reviews",
                Map.of("rating", 4, "comment", "Dense but fair " + tag), student);
        assertThat(review.status()).as(review.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/courses/" + courseId + "/reviews", Map.of("rating", 1), student).code())
                .isEqualTo("already_reviewed");
        Api.Response stranger = api.post("/api/v1/courses/" + courseId + "/reviews", Map.of("rating", 1), tokenFor("customer"));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.code()).isEqualTo("purchase_required");
        // the instructor does not rate their own course (201, and counted, before 2026-12-06, seventh session, once
        // they had enrolled and opened a lesson)
        Api.Response own = api.post("/api/v1/courses/" + courseId + "/reviews", Map.of("rating", 5), instructor);
        assertThat(own.status()).as(own.toString()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("forbidden");
        JsonNode course = api.get("/api/v1/courses/" + courseId).body();
        assertThat(course.at("/rating/average").asDouble()).isEqualTo(4.0);
        assertThat(course.at("/rating/count").asLong()).isEqualTo(1);
        JsonNode reviews = api.get("/api/v1/courses/" + courseId + "/reviews").body();
        assertThat(reviews.get("total").asLong()).isEqualTo(1);
        assertThat(reviews.at("/items/0/authorName").asText()).isEqualTo("Zoë Ł.");
        assertThat(reviews.at("/items/0/comment").asText()).isEqualTo("Dense but fair " + tag);
        JsonNode hit = api.get("/api/v1/search?type=course&minRating=4&q=compilers%20" + tag).body().at("/items/0");
        assertThat(hit.get("id").asText()).isEqualTo(courseId);
        assertThat(hit.get("rating").asDouble()).isEqualTo(4.0);

        // the student's export holds the enrollment, the certificate (with the name) and the review
        JsonNode export = api.get("/api/v1/users/me/export", student).body();
        assertThat(export.get("enrollments")).as(export.toString()).hasSize(1);
        assertThat(export.at("/enrollments/0/courseId").asText()).isEqualTo(courseId);
        assertThat(export.at("/enrollments/0/certificateId").asText()).isEqualTo(certificateId);
        assertThat(export.at("/certificates/0/studentName").asText()).isEqualTo("Zoë Łukasiewicz");
        assertThat(export.at("/courseReviews/0/comment").asText()).isEqualTo("Dense but fair " + tag);
        assertThat(export.get("productReviews")).isEmpty();
        // with the enrollment's whole progress: lessons, quiz score, time spent, the grant (only the list's item was
        // there before 2026-12-07; walkthrough Z48)
        JsonNode progress = export.at("/courseProgress/0");
        assertThat(progress.get("courseId").asText()).isEqualTo(courseId);
        assertThat(progress.get("completedLessons")).extracting(JsonNode::asText).containsExactlyInAnyOrder(video, reading, quiz);
        assertThat(progress.at("/quizScores/" + quiz).asInt()).isEqualTo(100);
        assertThat(progress.get("timeSpentSeconds").asLong()).isGreaterThanOrEqualTo(130);
        assertThat(progress.get("grants")).hasSize(1);

        // erasure reaches the certificate and the review
        commands.sendAndWait(new EraseUser(studentId, new Actor(studentId.value(), Set.of("customer"))));
        Await.until(() -> "[erased]".equals(api.get("/api/v1/certificates/" + certificateId).body().path("studentName").asText())
                        && "[erased]".equals(api.get("/api/v1/courses/" + courseId + "/reviews").body().at("/items/0/comment").asText()),
                Duration.ofSeconds(20), "the student's name and comment erased");
        assertThat(new PdfTextExtractor(new PdfReader(download("/api/v1/certificates/" + certificateId + "/pdf", null).body()))
                .getTextFromPage(1)).doesNotContain("Zoë").contains("[erased]");
    }

    private UserId registered(String first, String last, String role) {
        UserId id = UserId.random();
        commands.sendAndWait(new RegisterUser(id, unique(role) + "@example.org", "$2a$10$abcdefghijklmnopqrstuv", first, last,
                null, Set.of(role), true));
        return id;
    }

    private static String content(String courseId, String lessonId) {
        return "/api/v1/courses/" + courseId + "/lessons/" + lessonId + "/content";
    }

    private Api.Response progress(String courseId, Map<String, Object> body, String token) {
        Api.Response r = api.post("/api/v1/courses/" + courseId + "/progress", body, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private HttpResponse<byte[]> download(String path, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (range != null) request.header("Range", range);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
