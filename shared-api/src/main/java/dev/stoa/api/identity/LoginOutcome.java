package dev.stoa.api.identity;

import java.time.Instant;
import java.util.Set;

/** The answer to {@link LogIn}: accepted with the roles to put in the tokens, or refused with a code. */
public record LoginOutcome(boolean accepted, Set<String> roles, String refusal, Instant lockedUntil) {
    public static LoginOutcome accepted(Set<String> roles) { return new LoginOutcome(true, roles, null, null); }

    public static LoginOutcome refused(String code, Instant lockedUntil) {
        return new LoginOutcome(false, Set.of(), code, lockedUntil);
    }
}
