package dev.stoa.app.learning;

import dev.stoa.app.embedded.EmbeddedMode;
import dev.stoa.command.platform.StartupRefused;
import dev.stoa.query.learning.ContentUrls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The content store (local disk) and the signing of its URLs. The signing key ({@code stoa.learning.content.signing-key})
 * is required outside the fully embedded mode, where every query process must sign and verify alike; the embedded
 * default makes a random one per start (URLs then die with the process, which is what short-lived means anyway).
 */
@Configuration
class ContentConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ContentConfiguration.class);
    static final int MIN_KEY_LENGTH = 32;

    @Bean
    LocalDiskContentStore contentStore(@Value("${stoa.learning.content.dir:${stoa.data-dir}/content}") Path dir)
            throws IOException {
        return new LocalDiskContentStore(dir);
    }

    @Bean
    ContentUrls contentUrls(@Value("${stoa.learning.content.signing-key:}") String signingKey,
                            @Value("${stoa.learning.content.url-ttl:5m}") Duration ttl, Environment environment) {
        return new ContentUrls(key(signingKey, EmbeddedMode.fullyEmbedded(environment)), ttl, Clock.systemUTC());
    }

    static byte[] key(String configured, boolean fullyEmbedded) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < MIN_KEY_LENGTH)
                throw new StartupRefused("stoa.learning.content.signing-key is shorter than " + MIN_KEY_LENGTH + " characters",
                        "set STOA_LEARNING_CONTENT_SIGNING_KEY to a random secret of at least 32 characters (e.g. openssl rand -base64 48)");
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        if (!fullyEmbedded)
            throw new StartupRefused("stoa.learning.content.signing-key is not set",
                    "set STOA_LEARNING_CONTENT_SIGNING_KEY to a random secret of at least 32 characters, the same in every process");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        log.info("Content URLs are signed with a random key made at start-up (embedded mode)");
        return random;
    }
}
