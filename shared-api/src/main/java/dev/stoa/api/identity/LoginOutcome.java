package dev.stoa.api.identity;

import dev.stoa.api.platform.ErrorCode;
import java.time.Instant;
import java.util.Set;

/**
 * The answer to {@link LogIn} (and the other proofs of identity): accepted with the roles to put in the tokens, or
 * refused with the code the client will see. A refused attempt may still have recorded events (a failure count),
 * which is why it is an answer, not an exception.
 */
public record LoginOutcome(boolean accepted, Set<String> roles, ErrorCode refusal, Instant lockedUntil) {
    public static LoginOutcome accepted(Set<String> roles) { return new LoginOutcome(true, roles, null, null); }

    public static LoginOutcome refused(ErrorCode code, Instant lockedUntil) {
        return new LoginOutcome(false, Set.of(), code, lockedUntil);
    }
}
