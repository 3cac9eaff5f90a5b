package dev.stoa.command.identity;

import dev.stoa.api.identity.ProfileUpdated;
import dev.stoa.api.identity.UpdateProfile;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.identity.UserRegistered;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.command.platform.SnapshotState;

/** An account's personal fields, sealed as in its events (e-mail, names, phone), and whether the e-mail is verified. */
@SnapshotState
final class Profile {
    private String email;
    private String firstName;
    private String lastName;
    private String phone;
    private boolean emailVerified;

    /** The e-mail as sealed in the events. */
    String email() { return email; }

    boolean emailVerified() { return emailVerified; }

    String openEmail(String userId, PersonalData personal) { return personal.open(userId, email); }

    /** First and last name in clear, joined; null when neither is left (an erased account's read [erased]: null too). */
    String openName(String userId, PersonalData personal) {
        if (personal.isErased(userId)) return null;
        String first = firstName == null ? null : personal.open(userId, firstName);
        String last = lastName == null ? null : personal.open(userId, lastName);
        String name = ((first == null ? "" : first.strip()) + " " + (last == null ? "" : last.strip())).strip();
        return name.isEmpty() ? null : name;
    }

    /** Whether {@code candidate} is this account's e-mail address, ignoring case and surrounding blanks. */
    boolean hasEmail(String candidate, String userId, PersonalData personal) {
        return UserAccount.emailKey(candidate).equals(openEmail(userId, personal));
    }

    /** The new profile: the fields the command gives, sealed; the others as they are. */
    ProfileUpdated update(UserId userId, UpdateProfile cmd, PersonalData personal) {
        String id = userId.value();
        return new ProfileUpdated(userId, cmd.firstName() != null ? personal.seal(id, cmd.firstName()) : firstName,
                cmd.lastName() != null ? personal.seal(id, cmd.lastName()) : lastName,
                cmd.phone() == null ? phone : cmd.phone().isEmpty() ? null : personal.seal(id, cmd.phone()));
    }

    void registered(UserRegistered e) {
        email = e.email();
        firstName = e.firstName();
        lastName = e.lastName();
        phone = e.phone();
        emailVerified = e.emailVerified();
    }

    void verified() { emailVerified = true; }

    void updated(ProfileUpdated e) {
        firstName = e.firstName();
        lastName = e.lastName();
        phone = e.phone();
    }

    /** Forgets the sealed fields (their key is shredded anyway). */
    void erased() {
        email = null;
        firstName = null;
        lastName = null;
        phone = null;
    }
}
