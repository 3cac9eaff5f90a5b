package dev.stoa.projection.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.CourseUpdated;
import dev.stoa.api.review.CourseReviewPosted;
import dev.stoa.api.review.RatingSummary;
import dev.stoa.api.review.ReviewId;
import dev.stoa.api.review.ReviewPosted;
import dev.stoa.projection.learning.search.CourseDocumentSequencing;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * The search processors' sequences are their documents: what waits behind a parked event of a product or course is
 * exactly that document's later changes, whichever aggregate made them.
 */
class DocumentSequencingTest {
    private final ProductDocumentSequencing products = new ProductDocumentSequencing();
    private final CourseDocumentSequencing courses = new CourseDocumentSequencing();

    @Test
    void aProductsOwnStockAndReviewEvents_shareItsSequence() {
        ProductId product = ProductId.random();
        assertThat(products.getSequenceIdentifierFor(event("Product", product.value(), ProductEvents.updated(ProductEvents.created(product, "Lamp", "Acme", 100), "Lamp", 200))))
                .isEqualTo(product.value());
        // the last units reserved: inStock flips, a change of the document
        assertThat(products.getSequenceIdentifierFor(event("Inventory", "inventory-1", ProductEvents.reserved(product, 1, 0))))
                .isEqualTo(product.value());
        assertThat(products.getSequenceIdentifierFor(event("Review", ReviewId.random().value(), new ReviewPosted(product,
                ReviewId.random(), UserId.random(), 5, "fine", new RatingSummary(1, 5))))).isEqualTo(product.value());
    }

    /** Else a parked product that goes on selling would fill its sequence (1024 letters) and stop the processor. */
    @Test
    void aStockEventThatChangesNothingIndexed_isASequenceOfItsOwn() {
        ProductId product = ProductId.random();
        EventMessage<?> reservation = event("Inventory", "inventory-1", ProductEvents.reserved(product, 1, 3));
        assertThat(products.getSequenceIdentifierFor(reservation)).isEqualTo(reservation.getIdentifier());
    }

    @Test
    void aCoursesReviews_shareItsSequence() {
        CourseId course = CourseId.random();
        assertThat(courses.getSequenceIdentifierFor(event("Course", course.value(),
                new CourseUpdated(course, "t", "d", 100, "USD", null, 70)))).isEqualTo(course.value());
        assertThat(courses.getSequenceIdentifierFor(event("CourseReview", ReviewId.random().value(), new CourseReviewPosted(
                course, ReviewId.random(), UserId.random(), 4, "good", new RatingSummary(1, 4))))).isEqualTo(course.value());
    }

    private static EventMessage<?> event(String type, String aggregate, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregate, 0, payload);
    }
}
