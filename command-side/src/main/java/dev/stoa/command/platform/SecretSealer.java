package dev.stoa.command.platform;

/**
 * Encrypts small secrets (authenticator keys) that an aggregate must keep but the event log must not show
 * in clear. Implemented where the platform's key material lives.
 */
public interface SecretSealer {
    String seal(String secret);

    /** @throws IllegalArgumentException if {@code sealed} was not sealed with this platform's key */
    String open(String sealed);
}
