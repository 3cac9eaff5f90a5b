package dev.stoa.command.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseCompleted;
import dev.stoa.api.learning.CourseCreated;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.CourseUpdated;
import dev.stoa.api.learning.EnrollmentGranted;
import dev.stoa.api.learning.ReassessCompletion;
import dev.stoa.command.platform.web.Commands;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A course's passing score lowered: each of its students not completed yet has their completion checked again
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

    CompletionReassessment(JdbcTemplate jdbc, Commands commands) {
        this.jdbc = jdbc;
        this.commands = commands;
    }

    @EventHandler
    void on(CourseCreated e) { score(e.courseId(), e.passingScore()); }

    @EventHandler
    void on(CourseUpdated e) {
        Integer before = jdbc.query("select passing_score from completion_course where course_id = ?",
                rs -> rs.next() ? rs.getInt(1) : null, e.courseId().value());
        score(e.courseId(), e.passingScore());
        if (before == null || e.passingScore() >= before) return;
        List<String> students = jdbc.queryForList("select user_id from completion_student where course_id = ? "
                + "and not completed", String.class, e.courseId().value());
        if (!students.isEmpty())
            log.info("Course {}: passing score lowered from {} to {}; completion checked again for {} students",
                    e.courseId().value(), before, e.passingScore(), students.size());
        for (String student : students) commands.send(new ReassessCompletion(new UserId(student), e.courseId()));
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
