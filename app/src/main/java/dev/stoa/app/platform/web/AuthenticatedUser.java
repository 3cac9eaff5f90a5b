package dev.stoa.app.platform.web;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The id of the user whose verified token came with this request, if any. */
final class AuthenticatedUser {
    private AuthenticatedUser() {}

    static Optional<String> id() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof JwtAuthenticationToken jwt ? Optional.of(jwt.getToken().getSubject()) : Optional.empty();
    }
}
