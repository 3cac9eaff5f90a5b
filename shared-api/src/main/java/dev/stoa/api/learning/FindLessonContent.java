package dev.stoa.api.learning;

import dev.stoa.api.platform.Actor;

/** A lesson's content for someone who may read it (enrolled, the instructor, an admin); else purchase_required. */
public record FindLessonContent(CourseId courseId, LessonId lessonId, Actor viewer) {}
