package dev.stoa.api.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A login with a wrong password; {@code consecutiveFailures} counts since the last success, and
 * {@code lockedUntil} is set when that count locked the account for a while.
 */
@Revision("1")
public record LoginFailed(UserId userId, int consecutiveFailures, Instant lockedUntil) {}
