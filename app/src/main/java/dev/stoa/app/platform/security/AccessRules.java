package dev.stoa.app.platform.security;

import static org.springframework.http.HttpMethod.*;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * Who may call what, in one table, first match wins (a GET rule holds for HEAD too): the security filter chain enforces it and the OpenAPI
 * document derives each operation's 401/403 and bearer requirement from it, so the two cannot disagree.
 * Ownership (my product, my account) is decided further in, by the aggregates and {@code Access}.
 */
public final class AccessRules {
    /** Who a rule lets in: anyone, any logged-in user, or holders of one of {@code roles}. */
    public record Rule(HttpMethod method, List<String> patterns, boolean open, Set<String> roles) {
        /**
         * The last rule: any other {@code /api/**} request needs a logged-in user, so an endpoint the table forgets is
         * closed, not open. Without a token, a path no endpoint has is answered as with one (404, or 405 for a method
         * the path does not take: {@code KnownRoutes}, for every closed rule), not 401.
         */
        public static final Rule CATCH_ALL = new Rule(null, List.of("/api/**"), false, Set.of());

        boolean matches(HttpMethod m, String path) {
            boolean sameMethod = method == null || method.equals(m) || HttpMethod.GET.equals(method) && HttpMethod.HEAD.equals(m);
            return sameMethod && patterns.stream().anyMatch(p -> PATHS.match(p, path));
        }
    }

    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private static final Set<String> SELLERS = Set.of("vendor", "admin");
    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> STAFF = Set.of("admin", "support");
    private static final Set<String> TEACHERS = Set.of("instructor", "admin");
    /** Who sells an order's lines: vendors their products, instructors their courses. */
    private static final Set<String> LINE_SELLERS = Set.of("vendor", "instructor", "admin");
    private static final Set<String> AUDITORS = Set.of("auditor", "admin");

    static final List<Rule> RULES = List.of(
            open(GET, "/api/v1/categories/**", "/api/v1/products/**", "/api/v1/search", "/api/v1/suggest", "/api/v1/auth/jwks"),
            open(POST, "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/email/verify",
                    "/api/v1/auth/otp/request", "/api/v1/auth/otp/verify", "/api/v1/auth/password-reset/request",
                    "/api/v1/auth/password-reset/confirm"),
            open(GET, "/api/v1/dev/mailbox"), // exists only in the fully embedded mode
            open(POST, "/api/v1/payments/webhook"), // Stripe: verified by its Stripe-Signature (StripeWebhooks), no token
            roles(null, ADMIN, "/api/v1/admin/**"),
            roles(GET, AUDITORS, "/api/v1/audit/**"), // history, state, integrity: read-only, for auditors and admins
            // learning: courses (the Course aggregate decides whose course; the query side who reads what)
            user(GET, "/api/v1/courses/*/lessons/*/content"),     // enrolled students, the instructor, admins
            open(GET, "/api/v1/courses", "/api/v1/courses/*", "/api/v1/courses/*/lessons", "/api/v1/courses/*/lessons/*"), // drafts: owner, admin
            open(GET, "/api/v1/content/*"),                        // a signed URL is the permission (ContentUrls)
            roles(POST, TEACHERS, "/api/v1/courses", "/api/v1/courses/*/publish", "/api/v1/courses/*/lessons",
                    "/api/v1/courses/*/lessons/*/publish", "/api/v1/courses/*/lessons/*/media"),
            roles(PUT, TEACHERS, "/api/v1/courses/*", "/api/v1/courses/*/lessons/*"),
            roles(DELETE, TEACHERS, "/api/v1/courses/*", "/api/v1/courses/*/lessons/*/media"),
            roles(GET, TEACHERS, "/api/v1/instructors/me/courses"), // the caller's own, every state
            roles(POST, ADMIN, "/api/v1/notifications/send", "/api/v1/categories"),
            roles(PUT, ADMIN, "/api/v1/categories/*"),
            user(POST, "/api/v1/products/*/reviews"),              // verified buyers (the ProductReviews aggregate)
            user(PUT, "/api/v1/products/*/reviews/*"),             // the author
            user(DELETE, "/api/v1/products/*/reviews/*"),          // the author, or an admin (moderation)
            // learning: enrollment and progress (before any open rule for /api/v1/courses/**)
            // free, wallet; paid otherwise 402. Any account, as the cart and checkout that sell the same course: an
            // instructor without the customer role bought a course at checkout but was refused a free one (403) before
            // 2026-12-07 (walkthrough Z33); its own course stays refused (409 course_already_owned, "you teach")
            user(POST, "/api/v1/courses/*/enroll"),
            user(null, "/api/v1/courses/*/progress"),          // the enrolled student (the Enrollment aggregate)
            user(GET, "/api/v1/courses/*/enrollments"),        // the course's instructor, admin (EnrollmentQueryHandler)
            user(GET, "/api/v1/users/me/enrollments"),         // "my courses": the caller's own
            open(GET, "/api/v1/courses/*/reviews", "/api/v1/courses/*/reviews/*", "/api/v1/certificates/*",
                    "/api/v1/certificates/*/pdf"),
            user(POST, "/api/v1/courses/*/reviews"),             // students with a completed lesson (CourseReviews)
            user(PUT, "/api/v1/courses/*/reviews/*"),            // the author
            user(DELETE, "/api/v1/courses/*/reviews/*"),         // the author, or an admin (moderation)
            roles(POST, SELLERS, "/api/v1/products", "/api/v1/products/*/inventory/**"),
            roles(PUT, SELLERS, "/api/v1/products/*", "/api/v1/products/*/inventory"),
            roles(DELETE, SELLERS, "/api/v1/products/*"),
            user(null, "/api/v1/cart", "/api/v1/cart/**"), // the caller's own cart, addressed by the token
            roles(GET, STAFF, "/api/v1/orders"),
            // the orders holding the caller's lines: an instructor's courses too (they could read such an order only
            // by an id learnt elsewhere before 2026-12-07, sixth session; walkthrough Z24)
            roles(GET, LINE_SELLERS, "/api/v1/vendors/me/orders"),
            roles(GET, SELLERS, "/api/v1/vendors/me/products"),     // the caller's own, unlisted ones too
            roles(PUT, SELLERS, "/api/v1/orders/*/status"),
            user(GET, "/api/v1/orders/*", "/api/v1/users/*/orders"), // buyer, staff, vendors of its lines (OrderQueryHandler)
            user(POST, "/api/v1/orders/*/cancel"),                    // buyer or admin (the Order aggregate)
            user(POST, "/api/v1/orders"),                             // checkout of the caller's own cart
            roles(GET, Set.of("admin", MetricsScrapeToken.ROLE), MetricsScrapeToken.PATH), // admins, the scrape token
            open(null, "/actuator/health/**", "/actuator/info"),
            roles(null, ADMIN, "/actuator/**"),
            user(GET, "/api/v1/wallet"), // wallet: the caller's own only
            user(POST, "/api/v1/wallet/redeem"),
            roles(POST, ADMIN, "/api/v1/payments/*/refund"),
            user(POST, "/api/v1/payments", "/api/v1/payments/*/sandbox/confirm"), // the order's buyer (CardPayments)
            user(GET, "/api/v1/payments", "/api/v1/payments/*"), // own payments; admin, support all
            roles(POST, STAFF, "/api/v1/refunds/*/approve", "/api/v1/refunds/*/reject"),
            roles(POST, STAFF, "/api/v1/refunds/*/retry", "/api/v1/refunds/*/return-received"), // failed card refunds; returns
            user(POST, "/api/v1/refunds"),                        // the order's buyer (the OrderRefunds aggregate)
            user(GET, "/api/v1/refunds", "/api/v1/refunds/*"),    // own requests; admin, support all (RefundQueryHandler)
            Rule.CATCH_ALL);

    /**
     * Roles that only read (API.md: an auditor has read-only access). A token that holds one of these and no other
     * role writes nothing but its own session and account ({@link #refusedToReadOnly}); with another role besides
     * (an admin made an auditor also a customer), that role's rights hold.
     */
    public static final Set<String> READ_ONLY_ROLES = Set.of("auditor");

    /**
     * Whether a read-only token ({@link #READ_ONLY_ROLES}) is refused this request (403 {@code forbidden}): any write
     * beyond its own session and account ({@link #writesBeyondOwnSession}). Before, an auditor could fill a cart, place
     * an order, write its profile and addresses: every write a logged-in user may make.
     */
    public static boolean refusedToReadOnly(HttpMethod method, String path) { return writesBeyondOwnSession(method, path); }

    /**
     * Whether this request writes anything but the caller's own session (log out, refresh, MFA:
     * {@code /api/v1/auth/**}) and its own account (deactivate, erase): what neither a read-only token nor a suspended
     * or closed account's token may do ({@link ActiveAccountWrites}).
     */
    public static boolean writesBeyondOwnSession(HttpMethod method, String path) {
        if (reads(method)) return false;
        return !(PATHS.match("/api/v1/auth/**", path) || path.equals("/api/v1/users/me/deactivate")
                || DELETE.equals(method) && path.equals("/api/v1/users/me"));
    }

    /**
     * Whether this request changes the caller's own account with its access token (MFA, deactivating or erasing it):
     * open to a suspended account's session, closed to a session a password reset or suspension ended
     * ({@link ActiveAccountWrites}). Logging in, out or refreshing is not: a client that sends its old token beside
     * them still starts a new session.
     */
    public static boolean changesOwnAccount(HttpMethod method, String path) {
        if (reads(method)) return false;
        return mfa(path) || path.equals("/api/v1/users/me/deactivate") || DELETE.equals(method) && path.equals("/api/v1/users/me");
    }

    /** Whether the path is one of the caller's MFA settings ({@code /api/v1/auth/mfa/**}). */
    public static boolean mfa(String path) { return PATHS.match("/api/v1/auth/mfa/**", path); }

    /** The roles that read what is not their own: every user, every order and payment, the audit log. */
    private static final Set<String> STAFF_READERS = Set.of("admin", "support", "auditor");

    /**
     * Whether a token with these roles asks its account on every read, as on every write ({@link ActiveAccountWrites}):
     * a staff role's ({@link #STAFF_READERS}), which reads what is not its own. So a token whose staff role was taken
     * away, whose account was suspended or closed, or whose session ended, reads them no more; before 2026-12-07, sixth
     * session, it did until it expired (15 minutes). Customers', sellers' and teachers' tokens read their own (a
     * seller's sales, a teacher's students) until they expire, without a check on the platform's busiest path.
     */
    public static boolean asksOnEveryRead(java.util.Collection<String> roles) {
        return roles != null && roles.stream().anyMatch(STAFF_READERS::contains);
    }

    /**
     * Whether a staff token's read is asked ({@link #asksOnEveryRead}): not of the caller's own (profile, export, cart,
     * wallet, session), which any user's token reads until it expires, so a suspended or closing admin still exports
     * its data; nor of the open catalog, which anyone reads without a token (both were refused to a suspended admin's
     * token in the first version of the check; walkthrough Z29).
     */
    public static boolean staffRead(HttpMethod method, String path) {
        if (OWN_READS.stream().anyMatch(own -> PATHS.match(own, path))) return false;
        return !forRequest(method, path).open();
    }

    private static final List<String> OWN_READS = List.of("/api/v1/users/me", "/api/v1/users/me/**", "/api/v1/cart",
            "/api/v1/cart/**", "/api/v1/wallet", "/api/v1/auth/**");

    /** Whether the method only reads (GET, HEAD, OPTIONS, TRACE): its path need not be looked at for a write rule. */
    public static boolean reads(HttpMethod method) {
        return GET.equals(method) || HEAD.equals(method) || OPTIONS.equals(method) || TRACE.equals(method);
    }

    private AccessRules() {}

    /** The first rule for this method and path (a path template such as {@code /api/v1/products/{id}} works too). */
    public static Rule forRequest(HttpMethod method, String path) {
        String concrete = path.replaceAll("\\{[^/]+}", "x");
        return RULES.stream().filter(r -> r.matches(method, concrete)).findFirst()
                .orElse(new Rule(null, List.of("/**"), true, Set.of()));
    }

    private static Rule open(HttpMethod method, String... patterns) { return new Rule(method, List.of(patterns), true, Set.of()); }

    /** Any logged-in user; ownership is decided further in. */
    private static Rule user(HttpMethod method, String... patterns) { return new Rule(method, List.of(patterns), false, Set.of()); }

    private static Rule roles(HttpMethod method, Set<String> roles, String... patterns) {
        return new Rule(method, List.of(patterns), false, roles);
    }
}
