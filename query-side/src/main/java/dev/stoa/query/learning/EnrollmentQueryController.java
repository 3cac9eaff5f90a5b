package dev.stoa.query.learning;

import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.FindCourseEnrollments;
import dev.stoa.api.learning.FindEnrollmentProgress;
import dev.stoa.api.learning.FindMyEnrollments;
import dev.stoa.api.platform.Actor;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "My courses", a student's progress in one course, and a course's students for its instructor. */
@RestController
@Validated
@Tag(name = "Learning")
class EnrollmentQueryController {
    private final Queries queries;

    EnrollmentQueryController(Queries queries) { this.queries = queries; }

    @GetMapping("/api/v1/users/me/enrollments")
    @Operation(operationId = "listMyEnrollments", summary = "My courses: your enrollments with progress and status, newest first")
    FindMyEnrollments.Result mine(Actor actor,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                                  @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return queries.ask(new FindMyEnrollments(actor.userId(), limit, offset), FindMyEnrollments.Result.class);
    }

    @GetMapping("/api/v1/courses/{courseId}/progress")
    @Operation(operationId = "getCourseProgress", summary = "Your progress in a course you are enrolled in, with the grants "
            + "that give you access")
    FindEnrollmentProgress.Result progress(@PathVariable CourseId courseId, Actor actor) {
        return queries.ask(new FindEnrollmentProgress(actor.userId(), courseId.value(), actor), FindEnrollmentProgress.Result.class);
    }

    @GetMapping("/api/v1/courses/{courseId}/enrollments")
    @Operation(operationId = "listCourseEnrollments", summary = "A course's students with their progress, and its completion "
            + "rate (the course's instructor, admin)")
    FindCourseEnrollments.Result students(@PathVariable CourseId courseId, Actor actor,
                                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                                          @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return queries.ask(new FindCourseEnrollments(courseId.value(), actor, limit, offset), FindCourseEnrollments.Result.class);
    }
}
