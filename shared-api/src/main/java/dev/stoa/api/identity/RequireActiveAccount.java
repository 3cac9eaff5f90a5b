package dev.stoa.api.identity;

import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Before any write made with an access token (but to the caller's own session and account): refused with 403
 * {@code account_suspended} / {@code account_deactivated} (401 {@code session_ended} once erased) unless the account
 * is active, since an access token outlives a suspension until it expires; and 403 {@code forbidden} when the token
 * carries a role the account no longer has ({@code roles}: the token's; null, not checked), since it outlives a change
 * of roles too; and 401 {@code session_ended} when the token's session began before a password reset ended every
 * session ({@code sessionStartedAt}: the token's; null, not checked), since it outlives the reset too. {@code what}
 * names the request in the refusal. Changes nothing; an id without an account is 404.
 */
public record RequireActiveAccount(@TargetAggregateIdentifier UserId userId, String what, Set<String> roles,
                                   Instant sessionStartedAt) {
    public RequireActiveAccount(UserId userId, String what) { this(userId, what, null, null); }
}
