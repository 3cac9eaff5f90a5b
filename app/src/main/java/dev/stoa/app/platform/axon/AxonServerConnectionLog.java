package dev.stoa.app.platform.axon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One line when the connection to Axon Server drops, one when it is back. Without this, an outage floods the log:
 * the connector reports each reconnect attempt (every 2 s; its packages are quieted in application-axonserver.yml)
 * and every event processor logs a stack trace per retry (a 45 s outage wrote ~2,000 lines with 71 traces).
 *
 * <p>As a Logback turbo filter, it drops every log event that carries an Axon Server or gRPC failure while this
 * process is not connected, and counts them; connected, nothing is dropped, so a real error (a refused append, a
 * bad token) still shows with its stack trace. A check every second notices the connection coming back.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
class AxonServerConnectionLog implements SmartLifecycle, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(AxonServerConnectionLog.class);
    private final AxonServerConnectionManager connections;
    private final String servers;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong suppressed = new AtomicLong();
    private volatile Instant downSince;
    private volatile ScheduledExecutorService checker;
    private final TurboFilter filter = new TurboFilter() {
        @Override
        public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
                                  Object[] params, Throwable t) {
            return AxonServerConnectionLog.this.decide(params, t);
        }
    };

    /** Attaches the filter at once: event processors start (and fail) before this bean's {@link #start}. */
    AxonServerConnectionLog(AxonServerConnectionManager connections, AxonServerConfiguration configuration) {
        this.connections = connections;
        this.servers = configuration.getServers();
        filter.start();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) context.addTurboFilter(filter);
    }

    /** Drops (and counts) a log event about an Axon Server failure while not connected; leaves all others alone. */
    private FilterReply decide(Object[] params, Throwable t) {
        // SLF4J passes a trailing exception argument in params; Logback finds it there only after the filters ran
        Throwable failure = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        if (failure == null || !isAxonServerFailure(failure) || connected()) return FilterReply.NEUTRAL;
        suppressed.incrementAndGet();
        wentDown(rootCause(failure));
        return FilterReply.DENY;
    }

    /** Once a second: says when the connection is back (or, with nothing logged yet, that it is gone). */
    void check() {
        if (connected()) {
            if (down.compareAndSet(true, false))
                log.info("Axon Server at {} connected again after {} s; {} log lines about the outage left out", servers,
                        Duration.between(downSince, Instant.now()).toSeconds(), suppressed.getAndSet(0));
        } else {
            wentDown("not connected");
        }
    }

    private void wentDown(String reason) {
        if (!down.compareAndSet(false, true)) return;
        downSince = Instant.now();
        log.warn("Axon Server at {} unreachable ({}): commands, logins included, answer 503; reads go on from "
                + "PostgreSQL and Elasticsearch; reconnecting in the background, one line when it is back", servers, reason);
    }

    private boolean connected() { return connections.isConnected(connections.getDefaultContext()); }

    /** The same families {@code Unavailability} answers with 503: the connector's and gRPC's exceptions. */
    private static boolean isAxonServerFailure(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String name = c.getClass().getName();
            if (name.startsWith("io.grpc.") || name.startsWith("io.axoniq.axonserver.") || name.startsWith("org.axonframework.axonserver."))
                return true;
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void start() {
        checker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "stoa-axonserver-connection-log"));
        checker.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = checker;
        checker = null;
        if (running != null) running.shutdownNow();
    }

    /** Also when the context failed to start (then {@link #stop} is not called). */
    @Override
    public void destroy() {
        stop();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) context.getTurboFilterList().remove(filter);
        filter.stop();
    }

    @Override
    public boolean isRunning() { return checker != null; }
}
