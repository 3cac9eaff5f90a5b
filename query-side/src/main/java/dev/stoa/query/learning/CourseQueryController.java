package dev.stoa.query.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.*;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.query.platform.ListParams;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/v1/courses")
@Validated
@Tag(name = "Courses")
class CourseQueryController {
    private final Queries queries;

    CourseQueryController(Queries queries) { this.queries = queries; }

    @GetMapping
    @Operation(operationId = "listCourses", summary = "Published courses, filtered, sorted (price, -price, rating, newest) and paged")
    FindCourses.Result courses(@RequestParam(required = false) dev.stoa.api.catalog.CategoryId categoryId,
                               @RequestParam(required = false) @Min(0) Long minPrice,
                               @RequestParam(required = false) @Min(0) Long maxPrice,
                               @Parameter(description = ListParams.MIN_RATING_FILTER) @RequestParam(required = false) @DecimalMin("0") @DecimalMax("5") Double minRating,
                               @RequestParam(required = false) UserId instructorId,
                               @RequestParam(required = false) @Size(max = 200) String q,
                               @io.swagger.v3.oas.annotations.Parameter(description = ListParams.CURRENCY_FILTER)
                               @RequestParam(required = false) String currency,
                               @RequestParam(required = false) String sort,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                               @RequestParam(defaultValue = "0") @Min(0) int offset) {
        ListParams.priceRange(minPrice, maxPrice);
        return queries.ask(new FindCourses(categoryId == null ? null : categoryId.value(), minPrice, maxPrice,
                ListParams.minRating(minRating), instructorId == null ? null : instructorId.value(), q, ListParams.currency(currency),
                ListParams.sort(sort), limit, offset),
                FindCourses.Result.class);
    }

    @GetMapping("/{courseId}")
    @Operation(operationId = "getCourse", summary = "One course: published for anyone; draft for its instructor and admins; archived for them and its students")
    CourseView course(@PathVariable CourseId courseId, Actor actor) {
        CourseView view = queries.ask(new FindCourseById(courseId, actor), CourseView.class);
        if (view == null) throw DomainException.notFound("course " + courseId);
        return view;
    }

    @GetMapping("/{courseId}/lessons")
    @Operation(operationId = "listLessons",
            summary = "The course's outline (published lessons); its instructor and admins get every lesson whole")
    FindCourseLessons.Result lessons(@PathVariable CourseId courseId, Actor actor) {
        return queries.ask(new FindCourseLessons(courseId, actor), FindCourseLessons.Result.class);
    }

    /**
     * One lesson as the outline shows it to the caller (its instructor and admins: whole; others: a published lesson's
     * outline entry): the address {@code POST .../lessons} answers in {@code Location} (405 before 2026-12-06, sixth
     * session; found by a walkthrough).
     */
    @GetMapping("/{courseId}/lessons/{lessonId}")
    @Operation(operationId = "getLesson", summary = "One lesson of the course's outline; its instructor and admins get it whole")
    LessonView lesson(@PathVariable CourseId courseId, @PathVariable java.util.UUID lessonId, Actor actor) {
        FindCourseLessons.Result lessons = queries.ask(new FindCourseLessons(courseId, actor), FindCourseLessons.Result.class);
        if (lessons == null) throw DomainException.notFound("course " + courseId);
        return lessons.items().stream().filter(l -> l.id().equals(lessonId.toString())).findFirst()
                .orElseThrow(() -> DomainException.notFound("lesson " + lessonId));
    }
}
