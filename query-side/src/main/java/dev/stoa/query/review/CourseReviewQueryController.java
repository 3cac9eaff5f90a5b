package dev.stoa.query.review;

import dev.stoa.api.learning.CourseId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.review.CourseReviewView;
import dev.stoa.api.review.FindCourseReview;
import dev.stoa.api.review.FindCourseReviews;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/v1/courses/{courseId}/reviews")
@Validated
@Tag(name = "Reviews")
class CourseReviewQueryController {
    private final Queries queries;

    CourseReviewQueryController(Queries queries) { this.queries = queries; }

    @GetMapping
    @Operation(operationId = "listCourseReviews", summary = "A course's reviews, newest first, paged: a published "
            + "course's for anyone; a draft's for its instructor and admins; an archived one's for them and its students")
    FindCourseReviews.Result list(@PathVariable CourseId courseId,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                                  @RequestParam(defaultValue = "0") @Min(0) int offset, Actor actor) {
        FindCourseReviews.Result result = queries.ask(new FindCourseReviews(courseId, actor, limit, offset),
                FindCourseReviews.Result.class);
        if (result == null) throw DomainException.notFound("course " + courseId);
        return result;
    }

    @GetMapping("/{reviewId}")
    @Operation(operationId = "getCourseReview", summary = "One review of the course, as its list shows it to you (the "
            + "address a new review's 201 answers in Location)")
    CourseReviewView get(@PathVariable CourseId courseId, @PathVariable java.util.UUID reviewId, Actor actor) {
        CourseReviewView review = queries.ask(new FindCourseReview(courseId, reviewId.toString(), actor), CourseReviewView.class);
        if (review == null) throw DomainException.notFound("review " + reviewId);
        return review;
    }
}
