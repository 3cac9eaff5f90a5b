package dev.stoa.api.platform;

/**
 * A sealed personal field cannot be opened yet: its user has no key at all, neither a live one nor the tombstone
 * that erasure leaves. That is never "erased": with Axon Server a projection can see a command's events before
 * PostgreSQL has committed that command's key, so this is transient, and an event handler that meets it fails and
 * is retried instead of storing {@link PersonalData#ERASED} for good.
 */
public class PersonalDataUnavailable extends RuntimeException {
    public PersonalDataUnavailable(String userId) {
        super("no personal-data key for user " + userId + " (not committed yet, or missing); retry later");
    }
}
