package dev.stoa.command.payment;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The refund request rules' settings: {@code stoa.refunds.window} (how long after payment a refund may be asked for,
 * default 14 days) and {@code stoa.refunds.max-course-progress} (percent; a course further along is not refunded).
 */
@Component
class RefundPolicy {
    final Duration window;
    final int maxCourseProgress;
    final Clock clock;
    final CourseProgress progress;

    @Autowired
    RefundPolicy(@Value("${stoa.refunds.window:14d}") Duration window,
                 @Value("${stoa.refunds.max-course-progress:30}") int maxCourseProgress, CourseProgress progress) {
        this(window, maxCourseProgress, Clock.systemUTC(), progress);
    }

    RefundPolicy(Duration window, int maxCourseProgress, Clock clock, CourseProgress progress) {
        if (window.isNegative()) throw new IllegalArgumentException("stoa.refunds.window must not be negative");
        if (maxCourseProgress < 0 || maxCourseProgress > 100)
            throw new IllegalArgumentException("stoa.refunds.max-course-progress must be 0-100");
        this.window = window;
        this.maxCourseProgress = maxCourseProgress;
        this.clock = clock;
        this.progress = progress;
    }
}
