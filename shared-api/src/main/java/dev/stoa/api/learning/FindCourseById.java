package dev.stoa.api.learning;

import dev.stoa.api.platform.Actor;

/**
 * One course: a published one for anyone, a draft only for its instructor or an admin, an archived one for them and its
 * students (else null).
 */
public record FindCourseById(CourseId courseId, Actor viewer) {}
