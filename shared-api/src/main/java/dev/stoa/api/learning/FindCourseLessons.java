package dev.stoa.api.learning;

import dev.stoa.api.platform.Actor;
import java.util.List;

/**
 * A course's lessons in order. Anyone who may see the course gets the outline of its published lessons; its
 * instructor and admins get every lesson with its whole content (quiz answers included).
 */
public record FindCourseLessons(CourseId courseId, Actor viewer) {
    public record Result(String courseId, boolean fullContent, List<LessonView> items) {}
}
