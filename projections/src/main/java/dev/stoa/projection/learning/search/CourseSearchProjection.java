package dev.stoa.projection.learning.search;

import dev.stoa.api.review.CourseReviewDeleted;
import dev.stoa.api.review.CourseReviewEdited;
import dev.stoa.api.review.CourseReviewPosted;
import dev.stoa.api.review.CourseReviewRemoved;
import dev.stoa.api.review.CourseReviewWithdrawn;
import dev.stoa.api.review.RatingSummary;
import dev.stoa.api.learning.CourseArchived;
import dev.stoa.api.learning.CourseCreated;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.CoursePublished;
import dev.stoa.api.learning.CourseUpdated;
import dev.stoa.projection.platform.RefusedDocuments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps one search document per course in the courses index (searchable: published and not archived). As with
 * products, handlers only record changes; the batch is written in one bulk at its prepare-commit, before the token
 * moves on, versioned by event position. A document Elasticsearch refuses parks the events that changed it, not the
 * projection ({@link RefusedDocuments}); {@link CourseDocumentSequencing} keeps each course's events in one sequence.
 */
@Component
@ProcessingGroup(CourseSearchProjection.PROCESSING_GROUP)
public class CourseSearchProjection {
    public static final String PROCESSING_GROUP = "course-search";
    private final CourseIndex index;
    private final RefusedDocuments refused = new RefusedDocuments("course index");
    private final String batchKey = getClass().getName() + ".batch@" + System.identityHashCode(this);

    public CourseSearchProjection(CourseIndex index) { this.index = index; }

    @EventHandler
    public void on(CourseCreated e, TrackingToken token, @Timestamp Instant at) {
        CourseDocument created = CourseDocument.created(e, at);
        record(e.courseId(), token, true, ignored -> created);
    }

    @EventHandler
    public void on(CourseUpdated e, TrackingToken token) { record(e.courseId(), token, false, doc -> doc.updated(e)); }

    @EventHandler
    public void on(CoursePublished e, TrackingToken token) { record(e.courseId(), token, false, CourseDocument::published); }

    @EventHandler
    public void on(CourseArchived e, TrackingToken token) { record(e.courseId(), token, false, CourseDocument::archivedNow); }

    @EventHandler
    public void on(CourseReviewPosted e, TrackingToken token) { rated(e.courseId(), e.courseRating(), token); }

    @EventHandler
    public void on(CourseReviewEdited e, TrackingToken token) { rated(e.courseId(), e.courseRating(), token); }

    @EventHandler
    public void on(CourseReviewDeleted e, TrackingToken token) { rated(e.courseId(), e.courseRating(), token); }

    @EventHandler
    public void on(CourseReviewRemoved e, TrackingToken token) { rated(e.courseId(), e.courseRating(), token); }

    @EventHandler
    public void on(CourseReviewWithdrawn e, TrackingToken token) { rated(e.courseId(), e.courseRating(), token); }

    private void rated(CourseId id, RatingSummary summary, TrackingToken token) {
        record(id, token, false, doc -> doc.rated(summary));
    }

    @ResetHandler
    public void onReset() {
        index.recreate();
        refused.forget();
    }

    private void record(CourseId id, TrackingToken token, boolean creates, UnaryOperator<CourseDocument> apply) {
        long position = token.position().orElseThrow(() -> new IllegalStateException(
                "course-search needs a token with a global position, got " + token));
        CourseIndex.Change change = new CourseIndex.Change(id.value(), position, creates, apply,
                RefusedDocuments.currentEvent());
        if (RefusedDocuments.writeAtOnce()) {
            refused.failIfRefused(index.write(List.of(change)));
            return;
        }
        refused.parkIfNoted();
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        root.getOrComputeResource(batchKey, key -> {
            List<CourseIndex.Change> changes = new ArrayList<>();
            root.onPrepareCommit(u -> refused.noteAndFail(index.write(changes), document -> changes.stream()
                    .filter(c -> c.courseId().equals(document)).findFirst().map(CourseIndex.Change::eventId).orElse(null)));
            return changes;
        }).add(change);
    }
}
