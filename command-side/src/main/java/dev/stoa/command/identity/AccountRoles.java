package dev.stoa.command.identity;

import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Roles;
import dev.stoa.command.platform.SnapshotState;
import java.util.Set;

/** An account's roles and the rules for changing them: known roles only, and admins keep their own admin role. */
@SnapshotState
final class AccountRoles {
    private Set<String> roles;

    /** The roles to put in tokens (the set as last applied, not a copy). */
    Set<String> current() { return roles; }

    static void requireKnown(Set<String> roles) {
        if (roles == null || roles.isEmpty() || !Roles.ALL.containsAll(roles))
            throw DomainException.badInput("roles must be among " + Roles.ALL);
    }

    /** @return whether {@code wanted} differs from the current roles, once it is known to be allowed */
    boolean mustChange(Set<String> wanted, Actor actor, String accountId) {
        requireKnown(wanted);
        if (actor.userId().equals(accountId) && !wanted.contains(Roles.ADMIN))
            throw new DomainException(ErrorCode.LAST_ADMIN_GUARD, "admins cannot take their own admin role away");
        return !wanted.equals(roles);
    }

    void set(Set<String> roles) { this.roles = roles; }
}
