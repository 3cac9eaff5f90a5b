package dev.stoa.command.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseCompleted;
import dev.stoa.api.learning.CourseCreated;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.CourseUpdated;
import dev.stoa.api.learning.EnrollmentGranted;
import dev.stoa.api.learning.LessonAdded;
import dev.stoa.api.learning.LessonPublished;
import dev.stoa.api.learning.LessonType;
import dev.stoa.api.learning.LessonUpdated;
import dev.stoa.api.learning.ReassessCompletion;
import dev.stoa.command.platform.web.Commands;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A course's passing score lowered, or a published quiz lesson made another type: each of its students not completed yet has their completion checked again
 * ({@link ReassessCompletion}), so one who had finished every lesson with a quiz average between the new and the old
 * score gets the certificate they now earned. Before 2026-12-06 (seventh session) completion was checked only when the
 * student next reported progress, and one who had finished stayed short of it (found by a walkthrough). Keeps its own
 * ledger ({@code completion_course}: each course's passing score; {@code completion_student}: who was granted it, and
 * who completed), in the processor's transaction. One segment: the log's order. From the start of the log; sends
 * commands, so never replayed. A reassessment that finds nothing to do changes nothing.
 */
@Component
@ProcessingGroup(CompletionReassessment.NAME)
@DisallowReplay
class CompletionReassessment {
    static final String NAME = "course-completion";
    private static final Logger log = LoggerFactory.getLogger(CompletionReassessment.class);
    private final JdbcTemplate jdbc;
    private final Commands commands;
    private final EventStore events;

    CompletionReassessment(JdbcTemplate jdbc, Commands commands, EventStore events) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.events = events;
    }

    @EventHandler
    void on(CourseCreated e) { score(e.courseId(), e.passingScore()); }

    @EventHandler
    void on(CourseUpdated e) {
        Integer before = jdbc.query("select passing_score from completion_course where course_id = ?",
                rs -> rs.next() ? rs.getInt(1) : null, e.courseId().value());
        score(e.courseId(), e.passingScore());
        if (before == null || e.passingScore() >= before) return;
        reassess(e.courseId(), "passing score lowered from " + before + " to " + e.passingScore());
    }

    /**
     * A published quiz lesson turned into another type: its score no longer counts in the quiz average, so a student
     * who had done every lesson short of the score may now pass (before 2026-12-06, ninth session, they waited for their
     * next progress report; found by a walkthrough). What the lesson was comes from the course's own stream, the events
     * before this one: no ledger, so lessons added before this version are known too.
     */
    @EventHandler
    void on(LessonUpdated e, @SequenceNumber long sequence) {
        if (e.type() == LessonType.QUIZ || !publishedQuizBefore(e, sequence)) return;
        reassess(e.courseId(), "quiz lesson " + e.lessonId().value() + " is a " + e.type().value() + " now");
    }

    private boolean publishedQuizBefore(LessonUpdated e, long sequence) {
        DomainEventStream stream = events.readEvents(e.courseId().value(), 0);
        String lesson = e.lessonId().value();
        boolean quiz = false, published = false;
        while (stream.hasNext()) {
            DomainEventMessage<?> m = stream.next();
            if (m.getSequenceNumber() >= sequence) break;
            switch (m.getPayload()) {
                case LessonAdded a when a.lessonId().value().equals(lesson) -> quiz = a.type() == LessonType.QUIZ;
                case LessonUpdated u when u.lessonId().value().equals(lesson) -> quiz = u.type() == LessonType.QUIZ;
                case LessonPublished p when p.lessonId().value().equals(lesson) -> published = true;
                default -> { }
            }
        }
        return quiz && published;
    }

    private void reassess(CourseId course, String why) {
        List<String> students = jdbc.queryForList("select user_id from completion_student where course_id = ? "
                + "and not completed", String.class, course.value());
        if (!students.isEmpty())
            log.info("Course {}: {}; completion checked again for {} students", course.value(), why, students.size());
        for (String student : students) commands.send(new ReassessCompletion(new UserId(student), course));
    }

    @EventHandler
    void on(EnrollmentGranted e) {
        jdbc.update("insert into completion_student (course_id, user_id) values (?, ?) on conflict do nothing",
                e.courseId().value(), e.userId().value());
    }

    @EventHandler
    void on(CourseCompleted e) {
        jdbc.update("update completion_student set completed = true where course_id = ? and user_id = ?",
                e.courseId().value(), e.userId().value());
    }

    private void score(CourseId course, int passingScore) {
        jdbc.update("insert into completion_course (course_id, passing_score) values (?, ?) on conflict (course_id) "
                + "do update set passing_score = excluded.passing_score", course.value(), passingScore);
    }
}
