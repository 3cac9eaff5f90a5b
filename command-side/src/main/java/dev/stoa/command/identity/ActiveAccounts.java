package dev.stoa.command.identity;

import dev.stoa.api.identity.RequireActiveAccount;
import dev.stoa.api.identity.RequireLiveSession;
import dev.stoa.api.identity.RequireOpenSession;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.stereotype.Component;

/**
 * Only an active account writes: a suspended or deactivated account's access token stays valid until it expires, so
 * every write made with one asks the account first ({@link RequireActiveAccount}; the app's ActiveAccountWrites does
 * it for every endpoint): 403 {@code account_suspended} / {@code account_deactivated}, 401 {@code session_ended} once
 * erased. A user without an account (none was registered for the token's subject) is not refused here.
 */
@Component
public class ActiveAccounts {
    private final Commands commands;

    ActiveAccounts(Commands commands) { this.commands = commands; }

    /**
     * Refuses {@code what} (named in the refusal) unless the user's account is active and still has every one of
     * {@code roles} (the token's; null: not checked).
     */
    public void require(UserId userId, String what, java.util.Set<String> roles) { require(userId, what, roles, null); }

    /**
     * Refuses a write to the caller's own account (MFA; deactivating or erasing it: {@code closing}) made in a session
     * ended since ({@link RequireLiveSession}).
     */
    public void requireLiveSession(UserId userId, java.time.Instant sessionStartedAt, boolean closing) {
        ask(new RequireLiveSession(userId, sessionStartedAt, closing));
    }

    /**
     * Refuses a write made with an access token of the login session {@code familyId} once that session was logged out
     * or revoked ({@link RequireOpenSession}).
     */
    public void requireOpenSession(dev.stoa.api.identity.TokenFamilyId familyId, UserId userId) {
        ask(new RequireOpenSession(familyId, userId));
    }

    /** As {@link #require(UserId, String, java.util.Set)}, and refused when the session began before a password reset. */
    public void require(UserId userId, String what, java.util.Set<String> roles, java.time.Instant sessionStartedAt) {
        ask(new RequireActiveAccount(userId, what, roles, sessionStartedAt));
    }

    /** Sends a check that changes nothing: its refusal is thrown, but "not found" (no account or session) is no refusal. */
    private void ask(Object check) {
        try {
            commands.send(check);
        } catch (CommandExecutionException e) {
            if (!Refusals.is(e, ErrorCode.NOT_FOUND_CODE)) throw e;
        }
    }
}
