package dev.stoa.command.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B vectors (SHA-1, key "12345678901234567890"), last 6 of the 8 digits. */
class TotpTest {
    private static final String RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void matchesTheRfcTestVectors() {
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
    }

    @Test
    void acceptsOneStepOfClockDriftAndNoMore() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now)).isEqualTo(step - 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1), now)).isEqualTo(step + 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2), now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_KEY, "12345", now)).isEqualTo(-1);
    }

    @Test
    void uriIsWhatAuthenticatorAppsRead() {
        assertThat(Totp.uri("ABC", "ada@example.org"))
                .isEqualTo("otpauth://totp/Stoa%3Aada%40example.org?secret=ABC&issuer=Stoa&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.newSecret()).matches("[A-Z2-7]{32}");
    }
}
