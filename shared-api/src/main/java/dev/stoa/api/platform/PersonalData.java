package dev.stoa.api.platform;

import java.util.function.UnaryOperator;

/**
 * Crypto-shredding of personal data in events: each user's fields (e-mail, names, phone, addresses) are
 * sealed with that user's own key, kept outside the event log. Erasing the user destroys the key, so every
 * copy of those fields, in every event and every replay, becomes unreadable while the events themselves stay.
 */
public interface PersonalData {
    /** What {@link #open} answers for a field whose owner was erased. */
    String ERASED = "[erased]";
    /** The prefix of a value sealed by the current scheme, and of one sealed by the scheme before it. */
    String SEALED_PREFIX = "pd2:", LEGACY_PREFIX = "pd1:";

    /** Whether a stored value is a sealed one (by either scheme), as opposed to one in clear. */
    static boolean isSealed(String value) {
        return value != null && (value.startsWith(SEALED_PREFIX) || value.startsWith(LEGACY_PREFIX));
    }

    /**
     * The sealed form of {@code value} (null stays null). Creates the user's key on first use, so that it exists
     * before any event carrying the value can be seen: with the JPA event store in the caller's transaction (the
     * command's, which stores those events), with Axon Server in a transaction of its own that commits before this
     * returns.
     */
    String seal(String userId, String value);

    /**
     * Makes sure the user's key exists before a command seals the user's data for the first time (a registration).
     * Call it outside any transaction, before sending the command. Where a new key commits on its own (Axon Server),
     * it is committed now, so that the command's transaction, which holds a connection, needs no second one for it;
     * elsewhere this does nothing: the key is created in the command's own transaction.
     */
    default void prepareKey(String userId) {}

    /**
     * The clear value; {@link #ERASED} once the user was erased (the key's tombstone); values that were never
     * sealed as they are.
     *
     * @throws PersonalDataUnavailable when the user has no key at all (not committed yet): retry, never "erased"
     */
    String open(String userId, String sealed);

    /**
     * {@link #open} for several fields of one user, as one event carries them (an order's address): the key is looked
     * up once, at the first sealed field, for all the fields this opener opens. Use it within one event's handling.
     */
    default UnaryOperator<String> opener(String userId) { return sealed -> open(userId, sealed); }

    /** Destroys the user's key, in the caller's transaction, leaving a tombstone: from then on the user reads as erased. */
    void erase(String userId);

    /** Whether the user's key was destroyed (a tombstone); false for a user with no key at all. */
    boolean isErased(String userId);
}
