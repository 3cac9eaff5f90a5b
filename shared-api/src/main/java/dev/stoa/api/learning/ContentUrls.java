package dev.stoa.api.learning;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived signed URLs for stored lesson media: {@code /api/v1/content/{ref}?expires=<epoch s>&signature=<HMAC>},
 * the HMAC-SHA256 of ref and expiry under the platform's content signing key. Whoever holds the URL may fetch the
 * file until it expires; nobody can make or stretch one without the key. The command side signs them (a lesson's
 * content, {@code GET /api/v1/courses/{courseId}/lessons/{lessonId}/content}), the query side verifies them (the media
 * endpoint): in a split deployment both processes hold the same key.
 */
public class ContentUrls {
    public static final String PATH = "/api/v1/content/";
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;

    public ContentUrls(byte[] signingKey, Duration ttl, Clock clock) {
        if (signingKey.length < 32) throw new IllegalArgumentException("the content signing key needs at least 32 bytes");
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("stoa.learning.content.url-ttl must be positive");
        this.key = new SecretKeySpec(signingKey, HMAC);
        this.ttl = ttl;
        this.clock = clock;
    }

    public record Signed(String url, Instant expiresAt) {}

    public Signed sign(String ref) {
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new Signed(PATH + ref + "?expires=" + expiresAt.getEpochSecond() + "&signature="
                + signature(ref, expiresAt.getEpochSecond()), expiresAt);
    }

    /** Refuses (403 content_link_invalid) a URL that is expired, or whose signature is not this ref's and expiry's. */
    public void verify(String ref, Long expires, String signature) {
        if (ref == null || !ContentRefs.isStored(ref) || expires == null || signature == null)
            throw invalid("the content URL is incomplete");
        byte[] expected = signature(ref, expires).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII)))
            throw invalid("the content URL's signature does not match");
        if (clock.instant().getEpochSecond() >= expires) throw invalid("the content URL has expired");
    }

    String signature(String ref, long expires) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] digest = mac.doFinal((ref + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static DomainException invalid(String message) {
        return new DomainException(ErrorCode.CONTENT_LINK_INVALID, message);
    }
}
