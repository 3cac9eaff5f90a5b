package dev.stoa.app.platform.security;

import dev.stoa.api.identity.UserId;
import dev.stoa.command.identity.ActiveAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UrlPathHelper;

/**
 * An access token outlives the suspension or closing of its account until it expires (15 minutes): every write made
 * with one asks the account first ({@link ActiveAccounts}), so a suspended or deactivated account writes nothing but
 * its own session and account (log out, MFA, deactivate, erase: {@link AccessRules#writesBeyondOwnSession}), whatever
 * the endpoint: 403 {@code account_suspended} / {@code account_deactivated}, 401 {@code session_ended} once erased.
 * So does a token that carries a role its account no longer has (403 {@code forbidden}: refresh it; a demoted admin's
 * token wrote as an admin until it expired before the ninth session of 2026-12-06), and so does a token whose session
 * a password reset ended (401 {@code session_ended}: its session's start is in the token; since 2026-12-07), and a token
 * whose session was logged out, or revoked for a spent refresh token's reuse (401 {@code session_ended}: the session's
 * id, its refresh tokens' family, is in the token; since 2026-12-07, later the same day). So does every read made with
 * a token of a staff role, admin, support or auditor, of what is not the caller's own nor open to anyone
 * ({@link AccessRules#asksOnEveryRead}, {@link AccessRules#staffRead}; since the sixth session of 2026-12-07), unless the accounts cannot be asked (an outage of the event store: the read goes on, as it did before);
 * other reads stay open to the token until it expires. Before (2026-12-06, fifth session) only the checkout, enrollments,
 * vouchers and reviews asked, each for itself, and such a token could still, for one, record a lesson's progress.
 * Runs first among the interceptors, once the request is routed (a write to no endpoint stays 404 or 405).
 */
@Configuration
public class ActiveAccountWrites implements WebMvcConfigurer, HandlerInterceptor {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ActiveAccountWrites.class);
    private static final String REFUSED = ActiveAccountWrites.class.getName() + ".refused";

    /**
     * Whether this request was refused for its account's state before its handler ran (nothing happened): no answer
     * is kept for its Idempotency-Key, so a retry after a reinstatement runs (the refusal was replayed for 24 hours;
     * found by a walkthrough, 2026-12-06).
     */
    public static boolean refusedForTheAccount(HttpServletRequest request) { return request.getAttribute(REFUSED) != null; }

    /** Null in a process without the command side (the query profile): it serves no writes. */
    private final ActiveAccounts accounts;

    ActiveAccountWrites(ObjectProvider<ActiveAccounts> accounts) { this.accounts = accounts.getIfAvailable(); }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (accounts == null || !(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token))
            return true;
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        java.util.List<String> roles = token.getToken().getClaimAsStringList("roles");
        boolean read = AccessRules.reads(method);
        if (read && !AccessRules.asksOnEveryRead(roles)) return true; // no staff role: no path to compute for its reads
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        if (read && !AccessRules.staffRead(method, path)) return true; // its own, or the open catalog
        java.util.Map<String, Object> claims = token.getToken().getClaims();
        java.time.Instant sessionStartedAt = TokenMinter.sessionStartedAt(claims);
        String family = TokenMinter.family(claims);
        try {
            // a staff role's read asks as a write does (since 2026-12-07, sixth session: a demoted, suspended or
            // logged-out admin's token read the users, the orders and the audit until it expired)
            boolean beyondOwnSession = read || AccessRules.writesBeyondOwnSession(method, path);
            boolean ownAccount = !beyondOwnSession && AccessRules.changesOwnAccount(method, path);
            if (family != null && (beyondOwnSession || ownAccount))
                // a logged-out or revoked session's token (a thief's, once a spent refresh token came back) wrote on
                // until it expired before 2026-12-07; its own logout stays open (it ends nothing twice)
                accounts.requireOpenSession(new dev.stoa.api.identity.TokenFamilyId(family),
                        new UserId(token.getToken().getSubject()));
            if (beyondOwnSession) {
                accounts.require(new UserId(token.getToken().getSubject()), method.name() + " " + path,
                        roles == null ? java.util.Set.of() : java.util.Set.copyOf(roles), sessionStartedAt);
            } else if (sessionStartedAt != null && ownAccount) {
                // its own account: MFA in a session that still lives; closing it in one no password reset ended (a
                // suspended or deactivated account still closes itself and is erased with its token: it cannot log
                // in); an ended session turned on MFA after a password reset before 2026-12-07 (walkthrough Z18)
                accounts.requireLiveSession(new UserId(token.getToken().getSubject()), sessionStartedAt,
                        !AccessRules.mfa(path));
            }
        } catch (RuntimeException refused) {
            // a staff read the accounts could not be asked about (the command bus or event store unreachable) goes on as
            // it did before its check: an admin reads health and dead letters through an outage; a refusal refuses
            if (read && !dev.stoa.command.platform.Refusals.any(refused)) {
                log.debug("A staff read went on unchecked: the accounts could not be asked ({})", refused.toString());
                return true;
            }
            request.setAttribute(REFUSED, Boolean.TRUE);
            throw refused;
        }
        return true;
    }
}
