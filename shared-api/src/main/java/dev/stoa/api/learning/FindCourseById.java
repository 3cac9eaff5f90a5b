package dev.stoa.api.learning;

import dev.stoa.api.platform.Actor;

/** One course: a published one for anyone, a draft or archived one only for its instructor or an admin (else null). */
public record FindCourseById(CourseId courseId, Actor viewer) {}
