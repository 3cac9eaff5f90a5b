package dev.stoa.command.review;

import dev.stoa.api.learning.CourseId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.review.DeleteCourseReview;
import dev.stoa.api.review.EditCourseReview;
import dev.stoa.api.review.PostCourseReview;
import dev.stoa.api.review.ReviewId;
import dev.stoa.command.platform.web.Commands;
import dev.stoa.command.review.ReviewCommandController.ReviewRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/** Course reviews: students with a completed lesson write one per course; authors edit or delete; admins remove. */
@RestController
@RequestMapping("/api/v1/courses/{courseId}/reviews")
@Tag(name = "Reviews")
class CourseReviewCommandController {
    private final Commands commands;

    CourseReviewCommandController(Commands commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(operationId = "postCourseReview",
            summary = "Review a course you study (at least one lesson completed): one review per course")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedReview> post(@PathVariable CourseId courseId, @Valid @RequestBody ReviewRequest body,
                                             Actor actor) {
        ReviewId id = ReviewCommandController.postRetryingOnce(commands,
                new PostCourseReview(courseId, ReviewId.random(), body.rating(), body.comment(), actor));
        return ResponseEntity.created(URI.create("/api/v1/courses/" + courseId + "/reviews/" + id))
                .body(new CreatedReview(id.value()));
    }

    @PutMapping("/{reviewId}")
    @Operation(operationId = "editCourseReview", summary = "Change your own course review's rating and comment")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> edit(@PathVariable CourseId courseId, @PathVariable ReviewId reviewId,
                              @Valid @RequestBody ReviewRequest body, Actor actor) {
        commands.send(new EditCourseReview(courseId, reviewId, body.rating(), body.comment(), actor));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{reviewId}")
    @Operation(operationId = "deleteCourseReview",
            summary = "Delete your own course review, or remove anyone's as an admin (moderation)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable CourseId courseId, @PathVariable ReviewId reviewId, Actor actor) {
        commands.send(new DeleteCourseReview(courseId, reviewId, actor));
        return ResponseEntity.noContent().build();
    }
}
