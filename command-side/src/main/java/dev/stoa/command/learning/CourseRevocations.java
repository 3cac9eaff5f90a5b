package dev.stoa.command.learning;

import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.RevokeEnrollment;
import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.OrderStatus;
import dev.stoa.api.payment.RefundApproved;
import dev.stoa.api.payment.RefundLineAmount;
import java.util.ArrayList;
import java.util.List;

/**
 * The course grants a cancellation or an approved refund takes back, as commands: sent by the request that cancels or
 * approves, so that its answer (and its {@code X-Stoa-Position}) covers them, and by {@code course-entitlements} when
 * it meets the event, for whatever no request made and as the safety net of a request that died. Each is idempotent
 * per order: whichever copy comes first revokes, the other changes nothing. Before 2026-12-06 (fifth session) only the
 * processor sent them, and the approving admin's next read of the course's students often still showed the student
 * enrolled (found by a walkthrough).
 */
public final class CourseRevocations {
    private CourseRevocations() {}

    /** A paid order's cancellation revokes its courses; an order cancelled while pending granted none. */
    public static List<RevokeEnrollment> of(OrderCancelled e) {
        List<RevokeEnrollment> revocations = new ArrayList<>();
        if (OrderStatus.PENDING.value().equals(e.previousStatus())) return revocations; // never paid, never granted
        for (OrderLine line : e.lines() == null ? List.<OrderLine>of() : e.lines())
            if (OrderLine.COURSE.equals(line.itemType()))
                revocations.add(new RevokeEnrollment(e.buyer(), new CourseId(line.itemId()), e.orderId().value(),
                        RevokeEnrollment.CANCELLED));
        return revocations;
    }

    /** An approved refund revokes exactly the courses among its lines. */
    public static List<RevokeEnrollment> of(RefundApproved e) {
        List<RevokeEnrollment> revocations = new ArrayList<>();
        for (RefundLineAmount line : e.lines())
            if (OrderLine.COURSE.equals(line.itemType()))
                revocations.add(new RevokeEnrollment(e.buyer(), new CourseId(line.itemId()), e.orderId().value(),
                        RevokeEnrollment.REFUNDED));
        return revocations;
    }
}
