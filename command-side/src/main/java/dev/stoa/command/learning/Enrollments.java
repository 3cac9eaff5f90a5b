package dev.stoa.command.learning;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.EnrollmentId;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What other parts of the command side ask about a student's enrollment (the cart: already owned? refunds: how far
 * along?), answered by the {@link Enrollment} aggregate itself, loaded in the caller's unit of work (or one of its own),
 * never by a read model that lags.
 */
@Component
public class Enrollments {
    private final Repository<Enrollment> enrollments;
    private final CourseCatalog catalog;

    Enrollments(@Lazy Repository<Enrollment> enrollments, CourseCatalog catalog) {
        this.enrollments = enrollments;
        this.catalog = catalog;
    }

    /** Whether the user has access to the course now (an unrevoked grant). */
    public boolean hasAccess(UserId userId, CourseId courseId) {
        return ask(userId, courseId, Enrollment::hasAccess).orElse(false);
    }

    /** Whatever {@code question} answers of the user's enrollment in the course; empty when never enrolled. */
    <T> Optional<T> ask(UserId userId, CourseId courseId, Function<Enrollment, T> question) {
        return load(userId, courseId, () -> Optional.ofNullable(enrollment(userId, courseId).invoke(question)));
    }

    /** Whether the user was ever enrolled (granted once, revoked or not). */
    public boolean enrolled(UserId userId, CourseId courseId) {
        return ask(userId, courseId, e -> true).orElse(false);
    }

    /**
     * Percent of the course's published lessons the user opened or completed (what a refund counts); 0 when never
     * enrolled.
     */
    public int consumedPercent(UserId userId, CourseId courseId) {
        return load(userId, courseId, () -> catalog.course(courseId)
                .map(course -> enrollment(userId, courseId).invoke(e -> e.consumedPercent(course)))).orElse(0);
    }

    private org.axonframework.modelling.command.Aggregate<Enrollment> enrollment(UserId userId, CourseId courseId) {
        return enrollments.load(EnrollmentId.of(userId, courseId).value());
    }

    private <T> Optional<T> load(UserId userId, CourseId courseId, Supplier<Optional<T>> read) {
        Supplier<Optional<T>> guarded = () -> {
            try {
                return read.get();
            } catch (AggregateNotFoundException e) {
                return Optional.empty();
            }
        };
        if (CurrentUnitOfWork.isStarted()) return guarded.get();
        ResultMessage<Optional<T>> result = DefaultUnitOfWork.startAndGet(null).executeWithResult(guarded::get);
        if (result.isExceptional()) {
            if (result.exceptionResult() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(result.exceptionResult());
        }
        return result.getPayload();
    }
}
