package dev.stoa.app.platform.web;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.util.concurrent.TimeoutException;
import org.elasticsearch.client.ResponseException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises failures that mean "a backing service is down" (a 503), as opposed to a bug (a 500). Event processing
 * asks the same question ({@code dev.stoa.app.platform.deadletter.Outages}) to retry in place instead of parking.
 */
public final class Unavailability {
    private Unavailability() {}

    static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (signalsUnavailable(t)) return true;
        }
        return false;
    }

    /** This one exception, not its causes, says a backing service (database, bus, Axon Server) is unreachable. */
    public static boolean signalsUnavailable(Throwable t) {
        return t instanceof NoHandlerForCommandException || t instanceof NoHandlerForQueryException
                || t instanceof CommandDispatchException || t instanceof TimeoutException
                || t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                || t.getClass().getName().startsWith("org.axonframework.axonserver.")
                || t.getClass().getName().startsWith("io.grpc.")
                || searchUnavailable(t);
    }

    /**
     * Elasticsearch answered that it cannot serve now (429, 5xx: no shard available, overloaded) or cannot be reached: a
     * search answered 500 {@code internal_error} for it before 2026-12-06 (sixth session; a walkthrough's replays).
     */
    private static boolean searchUnavailable(Throwable t) {
        if (t instanceof ElasticsearchException es) return es.status() == 429 || es.status() >= 500;
        if (t instanceof ResponseException re) {
            int status = re.getResponse().getStatusLine().getStatusCode();
            return status == 429 || status >= 500;
        }
        return t instanceof java.net.ConnectException;
    }
}
