package dev.stoa.app.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.app.support.ApiTest;
import dev.stoa.command.ordering.CheckoutAttempts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One checkout of a course per buyer at a time, in whatever order checkouts note, claim and end (on the real
 * PostgreSQL): a checkout goes on only while it holds the course's claim. Found by a review: with a claim taken when a
 * checkout was noted, a checkout whose claim met another's held none, so once that other one ended, it and a third
 * checkout both went on and the course was paid twice.
 */
class CheckoutCourseClaimIT extends ApiTest {
    @Autowired
    CheckoutAttempts attempts;

    @Test
    void exactlyOneCheckoutOfACourseHoldsItsClaim_andAnEndedOnesClaimIsTakenOver() {
        UserId buyer = UserId.random();
        String course = java.util.UUID.randomUUID().toString();
        OrderId a = OrderId.random(), b = OrderId.random(), c = OrderId.random();
        List<ProductId> none = List.of();
        attempts.begin(a, buyer, none, List.of(course), null);
        assertThat(attempts.claimCourse(buyer, course, a)).as("the first claims it").isTrue();
        attempts.begin(b, buyer, none, List.of(course), null);
        assertThat(attempts.claimCourse(buyer, course, b)).as("the second is refused while the first goes on").isFalse();
        assertThat(attempts.claimCourse(buyer, course, a)).as("the holder again").isTrue();

        attempts.end(a); // the first refused (or placed: then its hold counts)
        assertThat(attempts.claimCourse(buyer, course, b)).as("the first gone: the second takes its claim over").isTrue();
        attempts.begin(c, buyer, none, List.of(course), null);
        assertThat(attempts.claimCourse(buyer, course, c)).as("a third meets the second (both went on before)").isFalse();
        attempts.end(b);
        assertThat(attempts.claimCourse(buyer, course, c)).as("and goes on once the second is done").isTrue();
        attempts.end(c);

        assertThat(attempts.claimCourse(UserId.random(), course, OrderId.random())).as("another buyer's claims are theirs")
                .isTrue();
    }
}
