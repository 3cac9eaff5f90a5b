package dev.stoa.query.learning;

import dev.stoa.api.learning.FindCourses;
import dev.stoa.api.learning.FindInstructorCourses;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.projection.learning.CourseEntity;
import dev.stoa.query.platform.ListParams;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Set;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An instructor's own courses in every state: the public list has the published ones only, so drafts and archived
 * courses could be found only by their ids (until 2026-12-06, ninth session).
 */
@RestController
@Validated
@Tag(name = "Courses")
class InstructorCoursesController {
    private static final Set<String> STATES = Set.of(CourseEntity.DRAFT, CourseEntity.PUBLISHED, CourseEntity.ARCHIVED);
    private final Queries queries;

    InstructorCoursesController(Queries queries) { this.queries = queries; }

    @GetMapping("/api/v1/instructors/me/courses")
    @Operation(operationId = "listMyInstructorCourses", summary = "The courses the caller teaches, drafts and archived "
            + "ones too (status=draft, published or archived: one of them), sorted (price, -price, rating, newest: by "
            + "creation) and paged (instructor, admin)")
    FindCourses.Result mine(Actor actor,
                            @Parameter(schema = @Schema(allowableValues = {"draft", "published", "archived"}))
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false) String sort,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        if (status != null && !STATES.contains(status))
            throw DomainException.badInput("status must be one of draft, published, archived");
        return queries.ask(new FindInstructorCourses(actor.userId(), status, ListParams.sort(sort), limit, offset),
                FindCourses.Result.class);
    }
}
