package dev.stoa.command.platform;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.ErrorDetails;
import java.util.Optional;
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
        return code(e).filter(code.code()::equals).isPresent();
    }

    /** Refused at all: the handler answered with a problem, as opposed to no answer. */
    public static boolean any(RuntimeException e) { return code(e).isPresent(); }

    /** The message of a refusal (its problem's detail); empty for no answer. */
    public static Optional<String> message(RuntimeException e) {
        if (e instanceof CommandExecutionException cee)
            return cee.getDetails().filter(d -> d instanceof ErrorDetails).map(d -> ((ErrorDetails) d).message());
        return e instanceof DomainException de ? Optional.ofNullable(de.getMessage()) : Optional.empty();
    }

    /** The problem code of a refusal; empty for no answer. */
    public static Optional<String> code(RuntimeException e) {
        if (e instanceof CommandExecutionException cee)
            return cee.getDetails().filter(d -> d instanceof ErrorDetails).map(d -> ((ErrorDetails) d).code());
        return e instanceof DomainException de ? Optional.of(de.code()) : Optional.empty();
    }
}
