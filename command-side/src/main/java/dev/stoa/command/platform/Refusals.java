package dev.stoa.command.platform;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.ErrorDetails;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * Whether a command was refused, and with which problem code: through the bus (a {@link CommandExecutionException}
 * carrying the handler's {@link ErrorDetails}) or thrown here ({@link DomainException}). Anything else (a timeout, a
 * lost connection) is no answer: the command may still have been carried out.
 */
public final class Refusals {
    private Refusals() {}

    /** Refused with {@code code}. */
    public static boolean is(RuntimeException e, ErrorCode code) {
        if (e instanceof CommandExecutionException cee)
            return cee.getDetails().map(d -> d instanceof ErrorDetails ed && code.code().equals(ed.code())).orElse(false);
        return e instanceof DomainException de && code.code().equals(de.code());
    }

    /** Refused at all: the handler answered with a problem, as opposed to no answer. */
    public static boolean any(RuntimeException e) {
        return e instanceof DomainException
                || e instanceof CommandExecutionException cee && cee.getDetails().filter(d -> d instanceof ErrorDetails).isPresent();
    }
}
