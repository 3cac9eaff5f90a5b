package dev.stoa.app.support;

import dev.stoa.api.catalog.CategoryId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.*;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Courses for the enrollment tests, written as the Course aggregate would write them: its events appended to the
 * course's stream in the event store (type {@code Course}, identifier the course id). The Course aggregate and its
 * HTTP API are built apart; once both are merged, these can go through {@code POST /api/v1/courses} instead.
 */
public final class Courses {
    public static final String TYPE = "Course";
    private final EventStore events;
    private final TransactionTemplate transactions;
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();

    public Courses(ApplicationContext context) {
        this.events = context.getBean(EventStore.class);
        this.transactions = context.getBean(TransactionTemplate.class);
    }

    /** A course with one published video, one published quiz (two questions) and one draft reading. */
    public record Course(String id, String instructorId, String video, String quiz, String draft) {}

    /** Quiz answers that score 2 of 2, 1 of 2 and 0 of 2 on {@link #QUIZ}. */
    public static final List<List<Integer>> RIGHT = List.of(List.of(1), List.of(2, 0));
    public static final List<List<Integer>> HALF = List.of(List.of(1), List.of(0));
    public static final List<QuizQuestion> QUIZ = List.of(
            new QuizQuestion("2 + 2?", List.of("3", "4", "5"), Set.of(1)),
            new QuizQuestion("Which are prime?", List.of("2", "4", "5"), Set.of(0, 2)));

    /** A published course of that price (0: free) and passing score, as above. */
    public Course published(String title, long priceCents, int passingScore) {
        Course c = draft(title, priceCents, passingScore);
        append(c.id(), new CoursePublished(new CourseId(c.id())));
        return c;
    }

    /** The same course, not published yet (its lessons are). */
    public Course draft(String title, long priceCents, int passingScore) {
        CourseId id = CourseId.random();
        UserId instructor = UserId.random();
        append(id.value(), new CourseCreated(id, instructor, title, "About " + title, priceCents, "USD",
                new CategoryId(java.util.UUID.randomUUID().toString()), passingScore));
        LessonId video = lesson(id, "Watch", LessonType.VIDEO, 1, List.of());
        LessonId quiz = lesson(id, "Test yourself", LessonType.QUIZ, 2, QUIZ);
        LessonId draft = LessonId.random();
        append(id.value(), new LessonAdded(id, draft, "Read later", LessonType.READING, 3, null, null, "Text", List.of()));
        append(id.value(), new LessonPublished(id, video));
        append(id.value(), new LessonPublished(id, quiz));
        return new Course(id.value(), instructor.value(), video.value(), quiz.value(), draft.value());
    }

    private LessonId lesson(CourseId course, String title, LessonType type, int position, List<QuizQuestion> quiz) {
        LessonId id = LessonId.random();
        append(course.value(), new LessonAdded(course, id, title, type, position, type == LessonType.VIDEO ? 600 : null,
                type == LessonType.VIDEO ? "media/" + id.value() : null, null, quiz));
        return id;
    }

    public void publishLesson(String courseId, String lessonId) {
        append(courseId, new LessonPublished(new CourseId(courseId), new LessonId(lessonId)));
    }

    public void publish(String courseId) { append(courseId, new CoursePublished(new CourseId(courseId))); }

    public void archive(String courseId) { append(courseId, new CourseArchived(new CourseId(courseId))); }

    private void append(String courseId, Object event) {
        long seq = sequences.merge(courseId, 0L, (a, b) -> a + 1);
        var message = new GenericDomainEventMessage<>(TYPE, courseId, seq, event);
        transactions.executeWithoutResult(s -> events.publish(message));
    }
}
