package dev.stoa.api.platform;

import java.util.Set;

/**
 * Who asks for a command: the authenticated user's id and roles. Commands that need an ownership or
 * role decision carry it, so the aggregate decides at write time, not a lagging read model.
 */
public record Actor(String userId, Set<String> roles) {
    public Actor {
        if (userId == null || userId.isBlank()) throw new IllegalArgumentException("userId is required");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean has(String role) { return roles.contains(role); }

    public boolean isAdmin() { return has(Roles.ADMIN); }

    public static Actor system() { return new Actor("system", Set.of(Roles.ADMIN)); }
}
