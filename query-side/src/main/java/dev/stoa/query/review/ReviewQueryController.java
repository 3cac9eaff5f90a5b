package dev.stoa.query.review;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.review.FindReview;
import dev.stoa.api.review.FindReviews;
import dev.stoa.api.review.ReviewView;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/v1/products/{productId}/reviews")
@Validated
@Tag(name = "Reviews")
class ReviewQueryController {
    private final Queries queries;

    ReviewQueryController(Queries queries) { this.queries = queries; }

    @GetMapping
    @Operation(operationId = "listProductReviews", summary = "A product's reviews, newest first, paged")
    FindReviews.Result list(@PathVariable ProductId productId,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        FindReviews.Result result = queries.ask(new FindReviews(productId, limit, offset), FindReviews.Result.class);
        if (result == null) throw DomainException.notFound("product " + productId);
        return result;
    }

    @GetMapping("/{reviewId}")
    @Operation(operationId = "getProductReview", summary = "One review of the product, as its list shows it (the address "
            + "a new review's 201 answers in Location)")
    ReviewView get(@PathVariable ProductId productId, @PathVariable java.util.UUID reviewId) {
        ReviewView review = queries.ask(new FindReview(productId, reviewId.toString()), ReviewView.class);
        if (review == null) throw DomainException.notFound("review " + reviewId);
        return review;
    }
}
