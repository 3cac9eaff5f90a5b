package dev.stoa.app.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.app.support.Api;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Ready-made courses for the enrollment tests, built through the course API as an instructor builds them: each by its
 * own instructor (a fresh user), with a published video (an external link), a published two-question quiz and a draft
 * reading.
 */
final class PublishedCourses {
    /** A course's id, its instructor and its lessons. */
    record Course(String id, String instructorId, String video, String quiz, String draft) {}

    /** Quiz answers that score 2 of 2 and 1 of 2 on the quiz below. */
    static final List<List<Integer>> RIGHT = List.of(List.of(1), List.of(2, 0));
    static final List<List<Integer>> HALF = List.of(List.of(1), List.of(0));
    private static final List<Map<String, Object>> QUIZ = List.of(
            Map.of("prompt", "2 + 2?", "choices", List.of("3", "4", "5"), "correct", List.of(1)),
            Map.of("prompt", "Which are prime?", "choices", List.of("2", "4", "5"), "correct", List.of(0, 2)));

    private final Api api;
    private final BiFunction<String, String, String> tokens;
    private final Map<String, String> instructors = new ConcurrentHashMap<>();

    /** @param tokens an access token for (user id, role) */
    PublishedCourses(Api api, BiFunction<String, String, String> tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    /** A published course of that price (0: free) and passing score. */
    Course published(String title, long priceCents, int passingScore) {
        Course c = draft(title, priceCents, passingScore);
        publish(c.id());
        return c;
    }

    /** The same course, not published yet (its video and quiz are). */
    Course draft(String title, long priceCents, int passingScore) {
        String instructorId = UUID.randomUUID().toString();
        String token = tokens.apply(instructorId, "instructor");
        Map<String, Object> course = new HashMap<>(Courses.course(title, priceCents, null));
        course.put("passingScore", passingScore);
        String id = new Courses(api).create(token, course);
        instructors.put(id, token);
        Courses lessons = new Courses(api);
        String video = lessons.addLesson(token, id, Map.of("title", "Watch", "type", "video", "position", 1,
                "durationSeconds", 600, "contentRef", "https://videos.example/" + UUID.randomUUID()));
        String quiz = lessons.addLesson(token, id, Map.of("title", "Test yourself", "type", "quiz", "position", 2,
                "quiz", QUIZ));
        String draft = lessons.addLesson(token, id, Courses.reading("Read later", 3, "Text"));
        lessons.publishLesson(token, id, video);
        lessons.publishLesson(token, id, quiz);
        return new Course(id, instructorId, video, quiz, draft);
    }

    void publishLesson(String courseId, String lessonId) { new Courses(api).publishLesson(instructors.get(courseId), courseId, lessonId); }

    void publish(String courseId) {
        Api.Response r = api.post("/api/v1/courses/" + courseId + "/publish", null, instructors.get(courseId));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    void archive(String courseId) {
        Api.Response r = api.delete("/api/v1/courses/" + courseId, instructors.get(courseId));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }
}
