package dev.stoa.app.platform.deadletter;

import dev.stoa.app.platform.web.Unavailability;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.axonframework.messaging.HandlerExecutionException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Tells an outage (PostgreSQL, Elasticsearch or Axon Server unreachable, overloaded, timing out, a deadlock) from a
 * failure of the event itself. An outage must never park an event: while a service is down every event would fail,
 * and parking them all would empty the processor into the dead-letter queue. The processor retries in place instead.
 */
public final class Outages {
    private Outages() {}

    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // a handler elsewhere (a command sent through Axon Server) ran and failed: its own failure, not the wire's
            if (t instanceof HandlerExecutionException) return false;
            if (t instanceof RetryInPlace || Unavailability.signalsUnavailable(t) || transientHere(t)) return true;
        }
        return false;
    }

    /** Besides {@link Unavailability#signalsUnavailable}, asked first (which has Elasticsearch's 429 and 5xx too). */
    private static boolean transientHere(Throwable t) {
        return t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                || t instanceof TransactionTimedOutException || t instanceof IOException // Elasticsearch transport too
                || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException || t instanceof QueryTimeoutException
                || t instanceof LockTimeoutException || t instanceof PessimisticLockException
                || t instanceof InterruptedException // shutting down: the next owner handles the event
                || t instanceof SQLException sql && transientState(sql.getSQLState());
    }

    /**
     * PostgreSQL's classes: 08 connection, 40 rollback (serialization failure, deadlock), 53 insufficient resources,
     * 57 operator intervention (statement timeout, shutdown), 58 system error (I/O); 55P03 lock not available.
     */
    private static boolean transientState(String state) {
        if (state == null || state.length() < 2) return false;
        return switch (state.substring(0, 2)) {
            case "08", "40", "53", "57", "58" -> true;
            default -> state.equals("55P03");
        };
    }
}
