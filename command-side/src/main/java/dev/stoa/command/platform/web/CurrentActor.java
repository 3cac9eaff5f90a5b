package dev.stoa.command.platform.web;

import dev.stoa.api.platform.Actor;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/** The caller of a command endpoint, read from its verified access token: subject and "roles" claim. */
public final class CurrentActor {
    public static final String ROLES_CLAIM = "roles";

    private CurrentActor() {}

    public static Actor of(Jwt jwt) {
        Set<String> roles = new HashSet<>();
        Object claim = jwt.getClaims().get(ROLES_CLAIM);
        if (claim instanceof Collection<?> values) values.forEach(v -> roles.add(String.valueOf(v)));
        return new Actor(jwt.getSubject(), roles);
    }
}
