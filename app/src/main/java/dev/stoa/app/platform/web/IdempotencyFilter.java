package dev.stoa.app.platform.web;

import dev.stoa.api.platform.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stoa.app.platform.axon.ProjectionGate;
import dev.stoa.app.platform.security.ActiveAccountWrites;
import dev.stoa.command.platform.RequestContext;
import dev.stoa.command.platform.SecretHasher;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Idempotency-Key for POSTs (API.md): the first request with a key claims it and its response is
 * stored; a retry with the same key and body gets that response again (header Idempotent-Replayed) and
 * nothing runs twice; the same key with another body is a 422; a retry while the first still runs
 * waits for it. A 5xx is not stored, so the client may retry. Records expire after
 * {@code stoa.idempotency.retention}.
 *
 * <p>Keys are per caller: a user's keys are theirs; an anonymous caller's key is scoped to the exact request
 * (method, path and body digest), so nobody can claim a key that another anonymous caller will use. A response
 * that hands out a secret ({@link dev.stoa.command.platform.web.SecretResponse}) is not kept: its retry is 409
 * {@code idempotency_response_withheld}.
 */
@Component
@org.springframework.core.annotation.Order(10)
public class IdempotencyFilter extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    /** The purpose of the keyed hash of a request ({@link SecretHasher}). */
    static final String REQUEST_HASH = "idempotency request";
    private final IdempotencyStore store;
    private final ObjectMapper mapper;
    private final Duration waitForFirst;
    private final SecretHasher hasher;
    private final ProjectionGate gate;
    private final Duration consistencyTimeout;

    public IdempotencyFilter(IdempotencyStore store, ObjectMapper mapper, SecretHasher hasher, ProjectionGate gate,
                             @Value("${stoa.idempotency.wait-for-first:10s}") Duration waitForFirst,
                             @Value("${stoa.consistency.wait-timeout:5s}") Duration consistencyTimeout) {
        this.hasher = hasher;
        this.gate = gate;
        this.consistencyTimeout = consistencyTimeout;
        this.store = store;
        this.mapper = mapper;
        this.waitForFirst = waitForFirst;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        // two keys are two answers to one question: the first was taken and the second ran again when retried alone,
        // before 2026-12-07 (walkthrough Z43)
        if (Collections.list(request.getHeaders(HEADER)).size() > 1) {
            Problems.write(request, response, mapper, Problems.validation("Idempotency-Key given more than once",
                    java.util.List.of(java.util.Map.of("field", HEADER, "message", "must be given once"))));
            return;
        }
        if (key.isEmpty() || key.length() > 255) {
            Problems.write(request, response, mapper, Problems.validation("invalid Idempotency-Key",
                    java.util.List.of(java.util.Map.of("field", HEADER, "message", "must be 1 to 255 characters"))));
            return;
        }
        // the query is part of the request (since 2026-12-06, seventh session: a retry with its query mended was
        // answered the refusal of the first): without one, the fingerprint is what it was before
        String head = request.getMethod() + " " + request.getRequestURI()
                + (request.getQueryString() == null || request.getQueryString().isEmpty() ? "" : "?" + request.getQueryString())
                + "\n";
        HttpServletRequest forward;
        String hash, rawHash;
        if (isMultipart(request)) {
            // a multipart body (a lesson's media) is compared part by part: its boundary is the client's choice at each
            // try, and its bytes, read here, could not be parsed into parts after (an upload with a key was 400
            // "Required part 'file' is not present" before 2026-12-06, seventh session; found by a walkthrough)
            byte[] parts;
            try {
                parts = partsFingerprint(request);
            } catch (IOException | ServletException | IllegalStateException unreadable) {
                chain.doFilter(request, response); // refused as without a key (too large, malformed): nothing to keep
                return;
            }
            forward = request;
            hash = rawHash = hash(head, parts);
        } else {
            CachedBodyRequest cached = new CachedBodyRequest(request);
            forward = cached;
            hash = hash(head, canonical(request.getContentType(), cached.body()));
            // a first request stored before 2026-12-05 has the fingerprint of its bytes as they came
            rawHash = hash(head, cached.body());
        }
        String principal = AuthenticatedUser.id().orElse("anonymous:" + hash.substring(0, 40));
        // a request that waited on a first one which ran nothing (a 429 of a rate limit, a refusal before the handler:
        // no answer kept) runs itself, as the first's retry would: it was told "the first failed; retry", without the
        // 429's Retry-After, before 2026-12-07 (found by a walkthrough). Each round another waiter ran first and ran
        // nothing, so the rounds end; they are bounded by the wait for a first all the same (a bound of three rounds
        // left the last of six sent at once answered idempotency_retry; walkthrough Z18).
        long giveUpAt = System.nanoTime() + waitForFirst.toNanos();
        while (true) {
            IdempotencyStore.Claim claim = store.begin(principal, key, hash, waitForFirst.multipliedBy(6));
            if (claim != IdempotencyStore.Claim.TAKEN) {
                MDC.put(RequestContext.IDEMPOTENCY_KEY, key);
                if (claim == IdempotencyStore.Claim.RETRY_OF_UNANSWERED) MDC.put(RequestContext.IDEMPOTENCY_RETRY, "true");
                try {
                    runFirst(forward, response, chain, principal, key);
                } finally {
                    MDC.remove(RequestContext.IDEMPOTENCY_RETRY);
                }
                return;
            }
            if (!replay(request, response, principal, key, hash, rawHash, System.nanoTime() < giveUpAt)) return;
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    /** Each part's name, file name, type and the SHA-256 of its bytes, in the order sent. */
    private static byte[] partsFingerprint(HttpServletRequest request) throws IOException, ServletException {
        StringBuilder fingerprint = new StringBuilder();
        for (Part part : request.getParts()) {
            MessageDigest sha = sha256();
            try (java.io.InputStream in = part.getInputStream()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
            }
            fingerprint.append(part.getName()).append('\0').append(part.getSubmittedFileName()).append('\0')
                    .append(part.getContentType()).append('\0').append(HexFormat.of().formatHex(sha.digest())).append('\n');
        }
        return fingerprint.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void runFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                          String principal, String key) throws IOException, ServletException {
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean stored = false, ranNothing = false;
        try {
            chain.doFilter(request, wrapper);
            // a request refused before the handler (its Accept, its query) ran nothing: no answer is kept, so a retry
            // runs; nor for an account refused for its state (suspended), which may change before the retry
            ranNothing = RefusedBeforeTheHandler.is(request) || ActiveAccountWrites.refusedForTheAccount(request)
                    // a 429 (a rate limit, a locked account) holds until Retry-After: kept, its retry after the wait
                    // was answered 429 again for 24 hours (before 2026-12-06, ninth session)
                    || wrapper.getStatus() == 429;
            if (wrapper.getStatus() < 500 && !ranNothing) {
                String position = wrapper.getHeader(ReadYourWritesFilter.POSITION_HEADER);
                store.complete(principal, key, wrapper.getStatus(), wrapper.getContentType(),
                        wrapper.getHeader(HttpHeaders.LOCATION), position == null ? null : Long.valueOf(position),
                        // only a success hands out the secret: a refusal (a wrong password's 401) is kept and
                        // replayed; before 2026-12-06 (ninth session) its retry was told the first had succeeded
                        wrapper.getContentAsByteArray(), SecretResponses.isSecret(request) && wrapper.getStatus() < 400,
                        wrapper.getHeader(CorrelationIdFilter.HEADER));
                stored = true;
            }
        } finally {
            if (!stored) store.abandon(principal, key, !ranNothing);
            wrapper.copyBodyToResponse();
        }
    }

    /**
     * Answers as the first request did, or why not; {@code true} instead when the first ran nothing and left no record
     * (and {@code mayRun}): this request is then to run itself.
     */
    private boolean replay(HttpServletRequest request, HttpServletResponse response, String principal, String key,
                           String hash, String rawHash, boolean mayRun) throws IOException {
        long deadline = System.nanoTime() + waitForFirst.toNanos();
        Optional<IdempotencyStore.Stored> stored = store.find(principal, key);
        while (stored.isPresent() && stored.get().status() == null && System.nanoTime() < deadline) {
            sleep();
            stored = store.find(principal, key);
        }
        if (stored.isEmpty() && mayRun) {
            return true;
        } else if (stored.isEmpty()) {
            Problems.write(request, response, mapper, Problems.of(ErrorCode.IDEMPOTENCY_RETRY,
                    "the first request with this Idempotency-Key failed; retry"));
        } else if (!stored.get().requestHash().equals(hash) && !stored.get().requestHash().equals(rawHash)) {
            Problems.write(request, response, mapper, Problems.of(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used with a different request"));
        } else if (stored.get().status() != null && stored.get().status() == IdempotencyStore.UNANSWERED) {
            // the first ended without an answer kept (a 5xx) while this one waited: it runs when sent again
            Problems.write(request, response, mapper, Problems.of(ErrorCode.IDEMPOTENCY_RETRY,
                    "the first request with this Idempotency-Key failed; retry"));
        } else if (stored.get().withheld()) {
            // what the first made is no secret: its Location (a card checkout's order) comes with the refusal, so a
            // client that lost the 201 finds its order and asks for the payment again; before 2026-12-07 it was told
            // to send a new request, which found the cart empty, or placed a second order (walkthrough)
            String location = stored.get().location();
            if (location != null) response.setHeader(HttpHeaders.LOCATION, location);
            if (stored.get().correlationId() != null)
                response.setHeader(CorrelationIdFilter.HEADER, stored.get().correlationId());
            Problems.write(request, response, mapper, Problems.of(ErrorCode.IDEMPOTENCY_RESPONSE_WITHHELD,
                    "the first request with this Idempotency-Key succeeded, but its response carried secrets, which "
                            + "are never stored; " + (location == null ? "send a new request with a new key"
                            : "what it created is at " + location + " (the Location header), without the secrets it "
                            + "handed out once (a card order's client secret comes again from POST /api/v1/payments "
                            + "{orderId}; a voucher batch's codes are shown once only)")));
        } else if (stored.get().status() == null) {
            Problems.write(request, response, mapper, Problems.of(ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                    "the first request with this Idempotency-Key is still running; retry later"));
        } else if (!acceptable(request, stored.get())) {
            // the retry's Accept is its own: the kept answer is not sent in a type it refuses (before 2026-12-06,
            // seventh session, it was); nothing runs, and a retry that accepts it still gets it
            Problems.write(request, response, mapper, Problems.of(ErrorCode.NOT_ACCEPTABLE,
                    "the first answer to this Idempotency-Key is " + stored.get().contentType()
                            + ", which the Accept header refuses"));
        } else {
            IdempotencyStore.Stored s = stored.get();
            response.setStatus(s.status());
            if (s.contentType() != null) response.setContentType(s.contentType());
            if (s.location() != null) response.setHeader(HttpHeaders.LOCATION, s.location());
            if (s.position() != null) {
                response.setHeader(ReadYourWritesFilter.POSITION_HEADER, s.position().toString());
                response.setHeader(ReadYourWritesFilter.CONSISTENCY_HEADER, consistency(s.position()));
            }
            // the first request's id names the events it caused; the retry's own (in the logs) names none
            if (s.correlationId() != null) response.setHeader(CorrelationIdFilter.HEADER, s.correlationId());
            response.setHeader("Idempotent-Replayed", "true");
            if (s.body() != null) response.getOutputStream().write(s.body());
        }
        return false;
    }

    /** Whether the retry's {@code Accept} takes the kept answer's type (a problem is sent whatever it says, as MVC does). */
    private static boolean acceptable(HttpServletRequest request, IdempotencyStore.Stored stored) {
        if (stored.contentType() == null || stored.status() >= 400 || request.getHeader(HttpHeaders.ACCEPT) == null) return true;
        try {
            List<MediaType> ranges = MediaType.parseMediaTypes(String.join(",", Collections.list(request.getHeaders(HttpHeaders.ACCEPT))));
            return AcceptableAnswers.accepts(ranges, MediaType.parseMediaType(stored.contentType()));
        } catch (InvalidMediaTypeException malformed) {
            return false;
        }
    }

    /**
     * A replay's {@code X-Stoa-Consistency}, as the first answer's: whether this process's read models that handle the
     * first request's events have them (waiting as a read with that {@code X-Stoa-Min-Position} would), so the client
     * may read at once either way, as after the first answer.
     */
    private String consistency(long position) {
        try {
            return gate.awaitWriteAt(position, gate.head(), consistencyTimeout) ? "consistent" : "pending";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "pending";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(25);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The body as it is compared: a JSON body with its object members in key order, without whitespace, so that a
     * retry whose client wrote the same JSON again in another order (a map re-serialised) is the same request (it was
     * 422 idempotency_key_reused); any other body (not JSON, or unreadable) as it came.
     */
    private byte[] canonical(String contentType, byte[] body) {
        if (body.length == 0 || contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).contains("json"))
            return body;
        try {
            Object value = CANONICAL.readValue(body, Object.class);
            return CANONICAL.writeValueAsBytes(value);
        } catch (IOException | RuntimeException notJson) {
            return body;
        }
    }

    /** Writes maps in key order, nested ones too; numbers as written (no double's rounding: 0.1 is not 0.10000000000000000001). */
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_INTEGER_FOR_INTS, true);

    /**
     * The request's fingerprint: a keyed hash (HMAC with the platform's key) of its SHA-256, so that the stored value,
     * for a body with a password in it (a login, a sign-up), cannot be tested against guesses by whoever reads the table
     * or a backup without the key, as a plain SHA-256 could at great speed.
     */
    private String hash(String head, byte[] body) {
        MessageDigest sha = sha256();
        sha.update(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return hasher.hash(REQUEST_HASH, HexFormat.of().formatHex(sha.digest(body)));
    }
}
