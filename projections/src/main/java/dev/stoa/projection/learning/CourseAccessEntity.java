package dev.stoa.projection.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** Whether a user may see a course's content now ({@code course_access_view}): an unrevoked grant exists. */
@Entity
@Table(name = "course_access_view")
@IdClass(CourseAccessEntity.Key.class)
public class CourseAccessEntity {
    @Id
    @Column(name = "user_id") private String userId;
    @Id
    @Column(name = "course_id") private String courseId;
    private boolean active;

    /** The row's key: user and course. */
    public static class Key implements Serializable {
        private String userId;
        private String courseId;

        protected Key() {}

        public Key(String userId, String courseId) {
            this.userId = userId;
            this.courseId = courseId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(userId, k.userId) && java.util.Objects.equals(courseId, k.courseId);
        }

        @Override
        public int hashCode() { return java.util.Objects.hash(userId, courseId); }
    }

    protected CourseAccessEntity() {}

    public CourseAccessEntity(String userId, String courseId, boolean active) {
        this.userId = userId;
        this.courseId = courseId;
        this.active = active;
    }

    public void active(boolean active) { this.active = active; }

    public String getUserId() { return userId; }
    public String getCourseId() { return courseId; }
    public boolean isActive() { return active; }
}
