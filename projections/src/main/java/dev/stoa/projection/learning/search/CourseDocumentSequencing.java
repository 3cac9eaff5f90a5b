package dev.stoa.projection.learning.search;

import dev.stoa.api.review.CourseReviewDeleted;
import dev.stoa.api.review.CourseReviewEdited;
import dev.stoa.api.review.CourseReviewPosted;
import dev.stoa.api.review.CourseReviewRemoved;
import dev.stoa.api.review.CourseReviewWithdrawn;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.stereotype.Component;

/**
 * Sequencing of {@code course-search} (named in application.yml): one sequence per search document. A course's review
 * events go with the course's own (whose aggregate is the course), so a parked event (a document Elasticsearch
 * refused, see {@link dev.stoa.projection.platform.RefusedDocuments}) holds back the document's later changes too,
 * whichever aggregate made them. Any other event per aggregate.
 */
@Component(CourseDocumentSequencing.BEAN)
public class CourseDocumentSequencing implements SequencingPolicy<EventMessage<?>> {
    public static final String BEAN = "courseDocumentSequencingPolicy";

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return switch (event.getPayload()) {
            case CourseReviewPosted e -> e.courseId().value();
            case CourseReviewEdited e -> e.courseId().value();
            case CourseReviewDeleted e -> e.courseId().value();
            case CourseReviewRemoved e -> e.courseId().value();
            case CourseReviewWithdrawn e -> e.courseId().value();
            default -> SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
        };
    }
}
