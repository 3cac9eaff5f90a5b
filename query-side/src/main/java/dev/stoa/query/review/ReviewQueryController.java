package dev.stoa.query.review;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.review.FindReviews;
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
}
