package dev.stoa.app.learning;

import dev.stoa.app.embedded.EmbeddedMode;
import dev.stoa.command.platform.StartupRefused;
import dev.stoa.api.learning.ContentUrls;
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
 * The content store (local disk, or an S3-compatible bucket) and the signing of its URLs. The signing key ({@code stoa.learning.content.signing-key})
 * is required outside the fully embedded mode, where every query process must sign and verify alike; the embedded
 * default makes a random one per start (URLs then die with the process, which is what short-lived means anyway).
 */
@Configuration
class ContentConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ContentConfiguration.class);
    static final int MIN_KEY_LENGTH = 32;

    /** {@code stoa.learning.content.store}: {@code local} (the default, a shared directory) or {@code s3}. */
    @Bean
    ContentStore contentStore(@Value("${stoa.learning.content.store:local}") String store, Environment environment)
            throws IOException {
        return switch (store.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "local" -> new LocalDiskContentStore(Path.of(
                    environment.resolveRequiredPlaceholders("${stoa.learning.content.dir:${stoa.data-dir}/content}")));
            case "s3" -> {
                S3Settings settings = s3Settings(environment);
                log.info("Lesson media are stored in {}", settings);
                yield settings.store();
            }
            default -> throw new StartupRefused("stoa.learning.content.store is '" + store + "'",
                    "set STOA_LEARNING_CONTENT_STORE to local or s3");
        };
    }

    static S3Settings s3Settings(Environment environment) {
        String p = "stoa.learning.content.s3.";
        return new S3Settings(environment.getProperty(p + "endpoint", ""), environment.getProperty(p + "region", ""),
                environment.getProperty(p + "bucket", ""), environment.getProperty(p + "access-key", ""),
                environment.getProperty(p + "secret-key", ""), environment.getProperty(p + "path-style", Boolean.class, false),
                environment.getProperty(p + "prefix", ""));
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
