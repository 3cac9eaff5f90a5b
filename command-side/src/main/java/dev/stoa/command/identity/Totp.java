package dev.stoa.command.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as authenticator apps make them. */
public final class Totp {
    static final int STEP_SECONDS = 30;
    private static final Base32 BASE32 = new Base32();

    private Totp() {}

    static String newSecret() {
        byte[] key = new byte[20];
        new SecureRandom().nextBytes(key);
        return BASE32.encodeToString(key).replace("=", "");
    }

    public static String code(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(BASE32.decode(base32Secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return "%06d".formatted(binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long step(Instant at) { return at.getEpochSecond() / STEP_SECONDS; }

    /** The step (now, or one either side for clock drift) whose code this is, or -1. */
    static long matchingStep(String base32Secret, String code, Instant now) {
        if (code == null || !code.matches("[0-9]{6}")) return -1;
        long current = step(now);
        for (long s = current - 1; s <= current + 1; s++) {
            if (java.security.MessageDigest.isEqual(code(base32Secret, s).getBytes(), code.getBytes())) return s;
        }
        return -1;
    }

    static String uri(String base32Secret, String account) {
        String label = java.net.URLEncoder.encode("Stoa:" + account, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=Stoa&algorithm=SHA1&digits=6&period=30";
    }
}
