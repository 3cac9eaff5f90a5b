package dev.stoa.app.platform.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stoa.api.platform.DomainException;
import jakarta.persistence.EntityNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Outages propagate (the processor retries in place); anything else parks, with retries counted and backed off. */
class ParkingPolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final ParkingPolicy policy = new ParkingPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void outagesPropagateInsteadOfParking() {
        for (RuntimeException outage : new RuntimeException[] {
                new DataAccessResourceFailureException("database down"),
                new CannotCreateTransactionException("no connection"),
                new QueryTimeoutException("statement timeout"),
                new CannotAcquireLockException("deadlock"),
                new JDBCConnectionException("connection refused", new SQLException("refused", "08001")),
                new IllegalStateException("wrapped", new SQLException("deadlock detected", "40P01")),
                new IllegalStateException("search index unreachable", new ConnectException("Connection refused")),
                new RetryInPlace("doomed batch", new IllegalStateException())}) {
            assertThatThrownBy(() -> policy.decide(firstFailure(), outage)).as(outage.toString()).isSameAs(outage);
        }
    }

    /** A cause quoting a NUL (Elasticsearch quotes the input it refused) is parked with U+FFFD: PostgreSQL keeps it. */
    @Test
    void aCauseWithANul_isParkedAsPostgresqlCanKeepIt() {
        EnqueueDecision<EventMessage<?>> decision = policy.decide(firstFailure(),
                new IllegalStateException("failed to parse: Illegal input [Nul\u0000lamp]"));
        assertThat(decision.enqueueCause()).hasValueSatisfying(c -> {
            assertThat(c.getMessage()).isEqualTo("failed to parse: Illegal input [Nul\uFFFDlamp]");
            assertThat(((org.axonframework.messaging.deadletter.Cause) c).type()).isEqualTo(IllegalStateException.class.getName());
        });
    }

    @Test
    void aCheckedOutageIsRethrownWithItsCause() {
        IOException io = new IOException("Elasticsearch: connection reset");
        assertThatThrownBy(() -> policy.decide(firstFailure(), io)).isInstanceOf(RetryInPlace.class).hasCause(io);
    }

    @Test
    void aFailureOfTheEventItselfParksItWithItsCause() {
        for (Exception poison : new Exception[] {
                new EntityNotFoundException("Unable to find ProductEntity with id 42"),
                new IllegalStateException("cannot open a personal field of user 7"),
                new DomainException(dev.stoa.api.platform.ErrorCode.DUPLICATE_ADDRESS, "address exists"),
                new SQLException("duplicate key value violates unique constraint", "23505"),
                // a command handler elsewhere ran and failed: its failure, even if it mentions a connection
                new CommandExecutionException("remote handler failed", new ConnectException("refused"))}) {
            EnqueueDecision<EventMessage<?>> decision = policy.decide(firstFailure(), poison);
            assertThat(decision.shouldEnqueue()).as(poison.toString()).isTrue();
            assertThat(decision.enqueueCause().orElseThrow().getMessage()).isEqualTo(poison.getMessage());
            MetaData diagnostics = decision.withDiagnostics(firstFailure()).diagnostics();
            assertThat(diagnostics.get(ParkingPolicy.RETRIES)).isEqualTo(0);
            assertThat(diagnostics.get(ParkingPolicy.NEXT_ATTEMPT)).isEqualTo(NOW.plusSeconds(1).toString());
        }
    }

    @Test
    void eachFailedRetryCountsAndDoublesTheWaitUpToTheCap() {
        assertThat(afterFailedRetry(0)).isEqualTo(MetaData.with(ParkingPolicy.RETRIES, 1)
                .and(ParkingPolicy.NEXT_ATTEMPT, NOW.plusSeconds(2).toString()));
        assertThat(afterFailedRetry(3).get(ParkingPolicy.NEXT_ATTEMPT)).isEqualTo(NOW.plusSeconds(16).toString());
        assertThat(afterFailedRetry(9).get(ParkingPolicy.NEXT_ATTEMPT)).isEqualTo(NOW.plus(Duration.ofMinutes(5)).toString());
        assertThat(afterFailedRetry(200).get(ParkingPolicy.RETRIES)).isEqualTo(201);
        assertThat(afterFailedRetry(200).get(ParkingPolicy.NEXT_ATTEMPT)).isEqualTo(NOW.plus(Duration.ofMinutes(5)).toString());
    }

    @Test
    void aDecisionCountsOnTheLetterItIsAppliedTo() {
        // two retries of one letter raced; the outcome of the later one is recorded on the letter as it now is
        EnqueueDecision<EventMessage<?>> stale = policy.decide(parked(0, NOW), new IllegalStateException("still failing"));
        MetaData recorded = stale.withDiagnostics(parked(1, NOW.plusSeconds(2))).diagnostics();
        assertThat(recorded.get(ParkingPolicy.RETRIES)).isEqualTo(2);
        assertThat(recorded.get(ParkingPolicy.NEXT_ATTEMPT)).isEqualTo(NOW.plusSeconds(4).toString());
    }

    @Test
    void aLetterIsDueOnceItsNextAttemptHasCome() {
        assertThat(policy.isDue(firstFailure())).as("waited behind an earlier event").isTrue();
        assertThat(policy.isDue(parked(0, NOW.minusMillis(1)))).isTrue();
        assertThat(policy.isDue(parked(0, NOW))).isTrue();
        assertThat(policy.isDue(parked(2, NOW.plusSeconds(4)))).isFalse();
    }

    private MetaData afterFailedRetry(int retriesSoFar) {
        DeadLetter<EventMessage<?>> letter = parked(retriesSoFar, NOW.minusSeconds(1));
        return policy.decide(letter, new IllegalStateException("still failing")).withDiagnostics(letter).diagnostics();
    }

    private static DeadLetter<EventMessage<?>> firstFailure() {
        return new GenericDeadLetter<>("product-1", GenericEventMessage.asEventMessage("an event"));
    }

    private static DeadLetter<EventMessage<?>> parked(int retries, Instant nextAttempt) {
        return firstFailure().withDiagnostics(MetaData.with(ParkingPolicy.RETRIES, retries)
                .and(ParkingPolicy.NEXT_ATTEMPT, nextAttempt.toString()));
    }
}
