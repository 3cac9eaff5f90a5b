package dev.stoa.app.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.function.Supplier;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Every closed rule's decision, with one exception: a request without a user that the rule refuses, for a path no
 * endpoint has, is let through, so Spring MVC answers it as it answers a logged-in caller: 404 {@code not_found}, or 405
 * {@code method_not_allowed} with {@code Allow} for a method the path does not take. Before 2026-12-06 (seventh session)
 * such a request was 401: a client with a misspelt path was told to log in (first for the catch-all rule
 * {@link AccessRules.Rule#CATCH_ALL}; since the same session's walkthrough, for every rule: {@code /api/v1/admin/nope}
 * too). Which paths exist is no secret (the OpenAPI document lists them). Only a request refused for want of a user
 * looks its handler up, the same lookup the {@code DispatcherServlet} makes; a request with a user (refused for its
 * roles: 403), or for a path an endpoint has, is decided by the rule. Nothing runs for a request let through: no
 * handler has it.
 */
final class KnownRoutes {
    private final Supplier<Collection<HandlerMapping>> mappings;
    private volatile Collection<HandlerMapping> known;

    /** {@code mappings}: Spring MVC's handler mappings, asked at the first request (they are built after security). */
    KnownRoutes(Supplier<Collection<HandlerMapping>> mappings) { this.mappings = mappings; }

    /** The rule's decision, but for a request without a user on a path no endpoint has (see the class). */
    AuthorizationManager<RequestAuthorizationContext> guarding(AuthorizationManager<RequestAuthorizationContext> rule) {
        return (authentication, context) -> {
            AuthorizationDecision decision = rule.check(authentication, context);
            if (decision == null || decision.isGranted()) return decision;
            Authentication who = authentication.get();
            // a user refused for their roles is 403 whatever the path; a token that was sent and refused is 401 (the
            // entry point says why)
            if (who != null && !(who instanceof AnonymousAuthenticationToken)) return decision;
            return handled(context.getRequest()) ? decision : new AuthorizationDecision(true);
        };
    }

    /** Whether an endpoint has this request's path (for its method or another: a wrong method is 405, not 404). */
    boolean handled(HttpServletRequest request) {
        Collection<HandlerMapping> all = known;
        if (all == null) known = all = mappings.get();
        boolean parsed = ServletRequestPathUtils.hasParsedRequestPath(request);
        if (!parsed) ServletRequestPathUtils.parseAndCache(request);
        try {
            for (HandlerMapping mapping : all) {
                try {
                    if (mapping.getHandler(request) != null) return true;
                } catch (HttpRequestMethodNotSupportedException otherMethod) {
                    return false; // Spring MVC answers 405 with the methods the path takes
                } catch (Exception refusedOtherwise) {
                    return true; // the path is an endpoint's: its media types or parameters did not match
                }
            }
            return false;
        } finally {
            if (!parsed) ServletRequestPathUtils.clearParsedRequestPath(request);
        }
    }
}
