package dev.stoa.command.platform.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one way the command HTTP API sends a command: synchronously, with a bound, so a lost connection to
 * Axon Server ends in a clear 503 instead of a hanging request.
 */
@Component
public class Commands {
    private final CommandGateway gateway;
    private final Duration timeout;

    public Commands(CommandGateway gateway, @Value("${stoa.commands.timeout:10s}") Duration timeout) {
        this.gateway = gateway;
        this.timeout = timeout;
    }

    /**
     * Sends and waits. Two commands that create the same aggregate at once (two first writes racing) both pass their
     * handler; the event store refuses the second at commit, after the handler's interceptors: that is a 409
     * {@code concurrent_modification} (a retry then meets the aggregate the first one created), not a 500.
     */
    public <R> R send(Object command) {
        try {
            return gateway.sendAndWait(command, timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION, "changed concurrently by another request; retry");
        }
    }
}
