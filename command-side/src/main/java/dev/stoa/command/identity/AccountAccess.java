package dev.stoa.command.identity;

import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import java.util.Arrays;

/**
 * Who may touch an account. Someone else's account is reported as not found (API.md: another user's
 * private resource is a 404), except for the role-only admin endpoints, which the HTTP layer guards.
 */
final class AccountAccess {
    private AccountAccess() {}

    static void requireAdmin(Actor actor) {
        if (actor == null || !actor.isAdmin()) throw DomainException.forbidden("only an admin may do this");
    }

    /** The account's own user, or one of {@code staffRoles}. */
    static void requireSelfOr(Actor actor, String userId, String... staffRoles) {
        if (actor == null) throw DomainException.notFound("user " + userId);
        if (actor.userId().equals(userId) || Arrays.stream(staffRoles).anyMatch(actor::has)) return;
        throw DomainException.notFound("user " + userId);
    }
}
