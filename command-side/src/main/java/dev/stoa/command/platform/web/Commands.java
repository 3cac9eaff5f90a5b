package dev.stoa.command.platform.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

    public <R> R send(Object command) {
        return gateway.sendAndWait(command, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
