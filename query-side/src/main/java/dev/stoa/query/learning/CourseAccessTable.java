package dev.stoa.query.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link CourseAccess} from {@code course_access_view}: a row per user and course, active while the user's
 * enrollment grants access (the enrollment read model fills it).
 */
@Component
class CourseAccessTable implements CourseAccess {
    private final JdbcTemplate jdbc;

    CourseAccessTable(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    @Override
    public boolean canRead(UserId userId, CourseId courseId) {
        return Boolean.TRUE.equals(jdbc.query("select active from course_access_view where user_id = ? and course_id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, userId.value(), courseId.value()));
    }
}
