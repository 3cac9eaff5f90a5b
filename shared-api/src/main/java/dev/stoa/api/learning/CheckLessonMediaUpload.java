package dev.stoa.api.learning;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asked before an upload's bytes are stored: would the lesson take media of this {@code mediaType} from this actor
 * (the course's instructor or an admin, a course not archived, a lesson that takes media of that type)? Refused as
 * {@link AttachLessonMedia} would be; records nothing. So a stranger's upload never reaches the content store.
 */
public record CheckLessonMediaUpload(@TargetAggregateIdentifier CourseId courseId, LessonId lessonId, String mediaType,
                                     Actor actor) {}
