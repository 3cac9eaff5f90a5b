package dev.stoa.projection.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What the enrollment views know of a course ({@code enrollment_course_view}), from its events. */
@Entity
@Table(name = "enrollment_course_view")
public class EnrollmentCourseEntity {
    @Id
    @Column(name = "course_id") private String courseId;
    @Column(name = "instructor_id") private String instructorId;
    private String title;
    @Column(name = "price_cents") private long priceCents;
    private String currency;
    private boolean published;
    private boolean archived;
    @JdbcTypeCode(SqlTypes.JSON) private List<Lesson> lessons = new ArrayList<>();

    /** One lesson of the course: its type and whether it is published (only those count). */
    public record Lesson(String lessonId, String type, boolean published) {}

    protected EnrollmentCourseEntity() {}

    public EnrollmentCourseEntity(String courseId, String instructorId, String title, long priceCents, String currency) {
        this.courseId = courseId;
        this.instructorId = instructorId;
        this.title = title;
        this.priceCents = priceCents;
        this.currency = currency;
    }

    public EnrollmentCourseEntity edited(String title, long priceCents, String currency) {
        this.title = title;
        this.priceCents = priceCents;
        this.currency = currency;
        return this;
    }

    public EnrollmentCourseEntity published() {
        this.published = true;
        return this;
    }

    public EnrollmentCourseEntity archived() {
        this.archived = true;
        return this;
    }

    /** Adds or replaces a lesson, keeping whether it was published. */
    public EnrollmentCourseEntity lesson(String lessonId, String type) {
        List<Lesson> next = new ArrayList<>();
        boolean published = false;
        for (Lesson l : lessons) {
            if (l.lessonId().equals(lessonId)) published = l.published();
            else next.add(l);
        }
        next.add(new Lesson(lessonId, type, published));
        lessons = next;
        return this;
    }

    public EnrollmentCourseEntity publish(String lessonId) {
        lessons = lessons.stream().map(l -> l.lessonId().equals(lessonId) ? new Lesson(l.lessonId(), l.type(), true) : l).toList();
        return this;
    }

    public List<String> publishedLessonIds() {
        return lessons.stream().filter(Lesson::published).map(Lesson::lessonId).toList();
    }

    public String getCourseId() { return courseId; }
    public String getInstructorId() { return instructorId; }
    public String getTitle() { return title; }
    public long getPriceCents() { return priceCents; }
    public String getCurrency() { return currency; }
    public boolean isPublished() { return published; }
    public boolean isArchived() { return archived; }

    /** Published and not archived: for sale. */
    public boolean isOpen() { return published && !archived; }
}
