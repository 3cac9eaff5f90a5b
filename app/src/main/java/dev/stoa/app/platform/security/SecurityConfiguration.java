package dev.stoa.app.platform.security;

import dev.stoa.api.platform.ErrorCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.stoa.app.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UrlPathHelper;

/**
 * Stateless resource server: every request's bearer token is verified locally against the platform's
 * public keys (RS256 only, so "alg: none" and HMAC tricks fail), roles come from the "roles" claim, and
 * role rules per endpoint live in one table, {@link AccessRules}. Ownership (my product, my order) is decided by the
 * aggregates. Failures answer problem+json: 401 without a valid token, 403 for the wrong role.
 */
@Configuration
public class SecurityConfiguration {
    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper mapper, ApplicationContext context,
                            @Value("${stoa.metrics.scrape-token:}") String scrapeToken) throws Exception {
        MetricsScrapeToken scrape = new MetricsScrapeToken(scrapeToken);
        KnownRoutes routes = new KnownRoutes(() -> context.getBeansOfType(HandlerMapping.class).values());
        DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
        http.csrf(csrf -> csrf.disable())
                // a scrape with its token is no JWT: authenticated by MetricsScrapeToken, before the bearer's filter
                .addFilterBefore(scrape, BearerTokenAuthenticationFilter.class)
                // Spring Security's own /logout (a redirect to a login page there is none of); the API's is
                // POST /api/v1/auth/logout
                .logout(logout -> logout.disable())
                .cors(cors -> {})
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    // OPTIONS asks which methods a path has (RFC 9110), which Spring MVC answers with Allow and no
                    // body, and runs no handler: open to all, as a CORS preflight is (it was 401 without a token)
                    auth.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
                    for (AccessRules.Rule rule : AccessRules.RULES) {
                        // Spring MVC answers HEAD with the GET handler: a GET rule holds for HEAD too (else a HEAD
                        // met only the catch-all, and any logged-in user ran an auditor's or staff's read)
                        for (HttpMethod method : HttpMethod.GET.equals(rule.method())
                                ? List.of(HttpMethod.GET, HttpMethod.HEAD) : java.util.Collections.singletonList(rule.method())) {
                            var matched = auth.requestMatchers(method, rule.patterns().toArray(String[]::new));
                            if (rule.open()) matched.permitAll();
                            else matched.access(notReadOnlyWriting(routes.guarding(rule.roles().isEmpty()
                                    ? AuthenticatedAuthorizationManager.authenticated()
                                    : AuthorityAuthorizationManager.hasAnyRole(rule.roles().toArray(String[]::new)))));
                        }
                    }
                    auth.anyRequest().permitAll();
                })
                .oauth2ResourceServer(rs -> rs
                        .bearerTokenResolver(request -> scrape.matches(request) ? null : bearer.resolve(request))
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                        .authenticationEntryPoint((req, res, e) -> unauthorized(req, res, e, mapper))
                        .accessDeniedHandler((req, res, e) -> Problems.write(req, res, mapper,
                                Problems.of(ErrorCode.FORBIDDEN_CODE, "your roles do not allow this"))))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((req, res, e) -> unauthorized(req, res, e, mapper))
                        .accessDeniedHandler((req, res, e) -> Problems.write(req, res, mapper,
                                Problems.of(ErrorCode.FORBIDDEN_CODE, "your roles do not allow this"))));
        return http.build();
    }

    private static final BearerTokenAuthenticationEntryPoint BEARER = new BearerTokenAuthenticationEntryPoint();

    /**
     * 401 {@code unauthorized} as a problem, with the {@code WWW-Authenticate: Bearer} challenge RFC 9110 (15.5.2) asks of
     * every 401 ({@code error="invalid_token"} and why, for a token that was sent and refused), which Spring's entry
     * point sets and the problem alone lacked (before 2026-12-06, sixth session; found by a walkthrough).
     */
    private static void unauthorized(HttpServletRequest req, HttpServletResponse res, AuthenticationException e,
                                     com.fasterxml.jackson.databind.ObjectMapper mapper) throws java.io.IOException {
        BEARER.commence(req, res, e);
        Problems.write(req, res, mapper, expired(e)
                ? Problems.of(ErrorCode.TOKEN_EXPIRED, "the access token expired: exchange the refresh token, or log in again")
                : Problems.of(ErrorCode.UNAUTHORIZED, "a valid bearer token is required"));
    }

    /**
     * A token refused only for its age (signature and claims good): {@code token_expired}, so a client knows to refresh
     * rather than to log in; it read {@code unauthorized} as a forged one did before 2026-12-07 (walkthrough Z43). Spring's
     * timestamp validator says so in its error's description, its one mark of that refusal.
     */
    private static boolean expired(AuthenticationException e) {
        return e.getCause() instanceof org.springframework.security.oauth2.jwt.JwtValidationException invalid
                && !invalid.getErrors().isEmpty() && invalid.getErrors().stream()
                .allMatch(error -> error.getDescription() != null && error.getDescription().startsWith("Jwt expired"));
    }

    /**
     * The rule's decision, and no write by a read-only token (an auditor's, {@link AccessRules#READ_ONLY_ROLES}) but to
     * its own session and account ({@link AccessRules#refusedToReadOnly}): 403 {@code forbidden}.
     */
    static AuthorizationManager<RequestAuthorizationContext> notReadOnlyWriting(
            AuthorizationManager<RequestAuthorizationContext> rule) {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
                AuthorizationDecision decision = rule.check(authentication, context);
                // the roles first: only a read-only caller's request needs its path read (not every request's)
                if (decision == null || !decision.isGranted() || !readOnly(authentication.get())) return decision;
                HttpServletRequest request = context.getRequest();
                String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
                return new AuthorizationDecision(!AccessRules.refusedToReadOnly(HttpMethod.valueOf(request.getMethod()), path));
            }
        };
    }

    /** Whether every role the caller holds only reads, and it holds one. */
    static boolean readOnly(Authentication authentication) {
        Set<String> roles = new HashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities())
            if (authority.getAuthority().startsWith("ROLE_")) roles.add(authority.getAuthority().substring(5));
        return !roles.isEmpty() && AccessRules.READ_ONLY_ROLES.containsAll(roles);
    }

    /**
     * Spring Security's firewall (picked up by its filter chain as the one {@link HttpFirewall} bean) with its default
     * rules, the character checks of headers and parameter names done without regular expressions
     * ({@link FirewallCharacters}).
     */
    @Bean
    HttpFirewall httpFirewall() { return FirewallCharacters.firewall(); }

    /** How far a token's {@code exp} and {@code nbf} may be off for clocks that differ (processes on other hosts). */
    static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofSeconds(5);

    /** The API's decoder: access tokens only (a refresh or e-mail token never opens an endpoint). */
    @Bean
    JwtDecoder jwtDecoder(JwtKeys keys) { return decoder(keys, TokenMinter.ACCESS); }

    /**
     * RS256 with one of our keys (current or retired, chosen by the token's {@code kid}) and our issuer, unexpired,
     * and of the given {@code token_use} (null = any).
     */
    static JwtDecoder decoder(JwtKeys keys, String use) {
        JWSKeySelector<SecurityContext> byKeyId = new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(keys.publicJwks()));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // every token Stoa signs names its key; one that does not would otherwise be tried against every key
        processor.setJWSKeySelector((header, context) ->
                header.getKeyID() == null ? List.of() : byKeyId.selectJWSKeys(header, context));
        processor.setJWTClaimsSetVerifier((claims, context) -> {}); // the validators below check the claims
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        // expiry with 5 s of leeway for clocks apart (Spring's default is 60 s: an access token was still taken a minute
        // after it expired, found by a walkthrough, 2026-12-06); the issuer's own
        OAuth2TokenValidator<Jwt> standard = new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(CLOCK_SKEW), new JwtIssuerValidator(TokenMinter.ISSUER));
        decoder.setJwtValidator(use == null ? standard : new DelegatingOAuth2TokenValidator<>(standard,
                new JwtClaimValidator<String>(TokenMinter.TOKEN_USE, use::equals)));
        return decoder;
    }

    private static JwtAuthenticationConverter authenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    /**
     * The filter Spring Security's {@code cors()} takes by its name, {@code corsFilter}: the configuration below, its
     * refusals answered as problems ({@link ProblemCorsProcessor}). Run inside the security chain only: not registered
     * with the servlet container on its own as well.
     */
    @Bean
    org.springframework.web.filter.CorsFilter corsFilter(@org.springframework.beans.factory.annotation.Qualifier(
                                                                 "corsConfigurationSource") CorsConfigurationSource source,
                                                         com.fasterxml.jackson.databind.ObjectMapper mapper) {
        org.springframework.web.filter.CorsFilter filter = new org.springframework.web.filter.CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(mapper));
        return filter;
    }

    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<org.springframework.web.filter.CorsFilter> corsFilterRegistration(
            org.springframework.web.filter.CorsFilter filter) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** CORS for browser clients: origins from {@code stoa.cors.allowed-origins} (none by default). */
    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${stoa.cors.allowed-origins:}") List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins.stream().filter(o -> !o.isBlank()).toList());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        // X-Stoa-Min-Position: a read sends back the position a write answered (read-your-writes across processes);
        // If-None-Match: a client revalidating a read with the ETag it was given
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Correlation-Id",
                "X-Stoa-Min-Position", "If-None-Match"));
        cors.setExposedHeaders(List.of("Location", "X-Correlation-Id", "X-Stoa-Position", "X-Stoa-Consistency",
                "Idempotent-Replayed", "Retry-After", "ETag"));
        cors.setMaxAge(3600L);
        return request -> cors; // one configuration for every path: no per-request path parsing to find it
    }
}
