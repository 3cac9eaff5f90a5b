package dev.stoa.command.payment;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.ErrorDetails;
import org.axonframework.commandhandling.CommandExecutionException;

/** Whether a command was refused with a given problem code (through the bus, or thrown here). */
final class Refusals {
    private Refusals() {}

    static boolean is(RuntimeException e, ErrorCode code) {
        if (e instanceof CommandExecutionException cee)
            return cee.getDetails().map(d -> d instanceof ErrorDetails ed && code.code().equals(ed.code())).orElse(false);
        return e instanceof DomainException de && code.code().equals(de.code());
    }
}
