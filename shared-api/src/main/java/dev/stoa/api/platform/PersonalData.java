package dev.stoa.api.platform;

/**
 * Crypto-shredding of personal data in events: each user's fields (e-mail, names, phone, addresses) are
 * sealed with that user's own key, kept outside the event log. Erasing the user destroys the key, so every
 * copy of those fields, in every event and every replay, becomes unreadable while the events themselves stay.
 */
public interface PersonalData {
    /** What {@link #open} answers for a field whose owner was erased. */
    String ERASED = "[erased]";

    /** The sealed form of {@code value} (null stays null). Creates the user's key on first use. */
    String seal(String userId, String value);

    /** The clear value; {@link #ERASED} once the user's key is destroyed; values that were never sealed as they are. */
    String open(String userId, String sealed);

    /** Destroys the user's key, in the caller's transaction. */
    void erase(String userId);

    boolean isErased(String userId);
}
