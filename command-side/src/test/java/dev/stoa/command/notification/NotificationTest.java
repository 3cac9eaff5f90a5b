package dev.stoa.command.notification;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.notification.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationTest {
    private static final NotificationId ID = NotificationId.derivedFrom("test", "1");
    private static final UserId USER = UserId.random();
    private static final NotificationQueued QUEUED =
            new NotificationQueued(ID, USER, "email", "ada@example.com", "welcome", "Welcome to Stoa");
    private AggregateTestFixture<Notification> fixture;

    @BeforeEach
    void setUp() { fixture = new AggregateTestFixture<>(Notification.class); }

    @Test
    void whenQueue_thenQueued() {
        fixture.givenNoPriorActivity()
                .when(new QueueNotification(ID, USER, "email", "ada@example.com", "welcome", "Welcome to Stoa"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(QUEUED);
    }

    /** A retried batch (with Axon Server, its outbox row rolled back, its event stored) queues the same id again. */
    @Test
    void givenQueued_whenQueuedAgain_thenNothingAndNoError() {
        fixture.given(QUEUED)
                .when(new QueueNotification(ID, USER, "email", "ada@example.com", "welcome", "Welcome to Stoa"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenSent_whenQueuedAgain_thenStillSentOnce() {
        fixture.given(QUEUED, new NotificationSent(ID, 1))
                .when(new QueueNotification(ID, USER, "email", "ada@example.com", "welcome", "Welcome to Stoa"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void whenQueueOnAnotherChannel_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new QueueNotification(ID, USER, "carrier-pigeon", "ada@example.com", "welcome", "Hi"))
                .expectException(dev.stoa.api.platform.DomainException.class)
                .expectNoEvents();
    }

    @Test
    void givenQueued_whenSent_thenSent() {
        fixture.given(QUEUED)
                .when(new RecordNotificationSent(ID, 1))
                .expectEvents(new NotificationSent(ID, 1));
    }

    @Test
    void givenSent_whenSentReportedAgain_thenNothing() {
        fixture.given(QUEUED, new NotificationSent(ID, 1))
                .when(new RecordNotificationSent(ID, 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void givenFailedWithRetry_whenSentOnSecondAttempt_thenSent() {
        fixture.given(QUEUED, new NotificationFailed(ID, 1, "connection refused", true))
                .when(new RecordNotificationSent(ID, 2))
                .expectEvents(new NotificationSent(ID, 2));
    }

    @Test
    void givenFailedWithRetry_whenSameAttemptReportedAgain_thenNothing() {
        fixture.given(QUEUED, new NotificationFailed(ID, 1, "connection refused", true))
                .when(new RecordNotificationFailed(ID, 1, "connection refused", true))
                .expectNoEvents();
    }

    @Test
    void givenFailedForGood_whenAnythingReported_thenNothing() {
        fixture.given(QUEUED, new NotificationFailed(ID, 3, "connection refused", false))
                .when(new RecordNotificationSent(ID, 4))
                .expectNoEvents();
    }

    @Test
    void givenQueued_whenLastAttemptFails_thenFailedForGood() {
        fixture.given(QUEUED, new NotificationFailed(ID, 1, "refused", true), new NotificationFailed(ID, 2, "refused", true))
                .when(new RecordNotificationFailed(ID, 3, "refused", false))
                .expectEvents(new NotificationFailed(ID, 3, "refused", false));
    }
}
