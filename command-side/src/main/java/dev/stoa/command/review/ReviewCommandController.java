package dev.stoa.command.review;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.ErrorDetails;
import dev.stoa.api.review.DeleteReview;
import dev.stoa.api.review.EditReview;
import dev.stoa.api.review.PostReview;
import dev.stoa.api.review.ReviewId;
import dev.stoa.command.platform.web.Commands;
import org.axonframework.commandhandling.CommandExecutionException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/** Product reviews: verified buyers write one per product; authors edit or delete theirs; admins remove any. */
@RestController
@RequestMapping("/api/v1/products/{productId}/reviews")
@Tag(name = "Reviews")
class ReviewCommandController {
    private final Commands commands;

    ReviewCommandController(Commands commands) {
        this.commands = commands;
    }

    /** POST and PUT body: {@code rating} 1-5 (whole stars), {@code comment} optional. */
    record ReviewRequest(@NotNull @Min(1) @Max(5) Integer rating,
                         @Size(max = PostReview.MAX_COMMENT) String comment) {}

    @PostMapping
    @Operation(operationId = "postProductReview",
            summary = "Review a product you bought (a confirmed, shipped or delivered order): one review per product")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CreatedReview> post(@PathVariable ProductId productId, @Valid @RequestBody ReviewRequest body,
                                             Actor actor) {
        // a suspended or closed account's access token outlives the suspension: it publishes nothing (it did, before
        // 2026-12-06, fourth session)
        PostReview command = new PostReview(productId, ReviewId.random(), body.rating(), body.comment(), actor);
        ReviewId id = postRetryingOnce(commands, command);
        return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/reviews/" + id))
                .body(new CreatedReview(id.value()));
    }

    /**
     * Sends a post; if the item's reviews changed between load and commit (another process stored a review first),
     * once more, against the reviews now stored, which also tells a second review of the same user apart.
     */
    static ReviewId postRetryingOnce(Commands commands, Object command) {
        try {
            return commands.send(command);
        } catch (DomainException | CommandExecutionException e) {
            if (!concurrentModification(e)) throw e;
            return commands.send(command);
        }
    }

    private static boolean concurrentModification(RuntimeException e) {
        String code = ErrorCode.CONCURRENT_MODIFICATION.code();
        if (e instanceof DomainException d) return code.equals(d.code());
        return ((CommandExecutionException) e).getDetails()
                .map(d -> d instanceof ErrorDetails details && code.equals(details.code())).orElse(false);
    }

    @PutMapping("/{reviewId}")
    @Operation(operationId = "editProductReview", summary = "Change your own review's rating and comment")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> edit(@PathVariable ProductId productId, @PathVariable ReviewId reviewId,
                              @Valid @RequestBody ReviewRequest body, Actor actor) {
        commands.send(new EditReview(productId, reviewId, body.rating(), body.comment(), actor));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{reviewId}")
    @Operation(operationId = "deleteProductReview",
            summary = "Delete your own review, or remove anyone's as an admin (moderation)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable ProductId productId, @PathVariable ReviewId reviewId, Actor actor) {
        commands.send(new DeleteReview(productId, reviewId, actor));
        return ResponseEntity.noContent().build();
    }
}
