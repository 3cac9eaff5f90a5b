package dev.stoa.api.platform;

import java.util.Arrays;

/**
 * The access rules every context shares. Another user's private resource is reported as not found, never as
 * forbidden (API.md), so nobody learns which ids exist; a role-only action refused is forbidden.
 */
public final class Access {
    private Access() {}

    /** The owner of the resource, or one of {@code staffRoles}; anyone else gets 404 naming {@code resource}. */
    public static void requireSelfOr(Actor actor, String ownerId, String resource, String... staffRoles) {
        if (actor == null || !(actor.userId().equals(ownerId) || Arrays.stream(staffRoles).anyMatch(actor::has)))
            throw DomainException.notFound(resource);
    }

    public static void requireAdmin(Actor actor) {
        if (actor == null || !actor.isAdmin()) throw DomainException.forbidden("only an admin may do this");
    }
}
