package dev.stoa.command.platform;

/**
 * A keyed hash (HMAC-SHA256) of a secret that must be found again by its value (a voucher code) but never stored in
 * clear: without the platform's key nobody can test guesses against a stolen table or event log. Implemented where
 * the platform's key material lives; every process of one installation computes the same hash.
 */
public interface SecretHasher {
    /** Lower-case hex of the 32-byte HMAC of {@code secret}, bound to {@code purpose} (a hash for one use opens no other). */
    String hash(String purpose, String secret);
}
