package dev.stoa.projection.identity;

import dev.stoa.api.identity.*;
import dev.stoa.api.platform.PersonalData;
import java.time.Instant;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@code user_view}: the profile of every account, personal fields opened with the user's key. A user
 * whose key is not committed yet (Axon Server shows events before PostgreSQL commits) fails the batch with
 * {@code PersonalDataUnavailable}, which is retried: only an erased user's profile ever reads "[erased]".
 */
@Component
@ProcessingGroup(UserProjection.NAME)
public class UserProjection {
    public static final String NAME = "user-read-model";
    private final UserViewRepository users;
    private final AddressViewRepository addresses;
    private final PersonalData personal;

    public UserProjection(UserViewRepository users, AddressViewRepository addresses, PersonalData personal) {
        this.users = users;
        this.addresses = addresses;
        this.personal = personal;
    }

    @EventHandler
    void on(UserRegistered e, @Timestamp Instant at) {
        String id = e.userId().value();
        UnaryOperator<String> open = personal.opener(id);
        users.save(new UserEntity(id, open.apply(e.email()), open.apply(e.firstName()), open.apply(e.lastName()),
                open.apply(e.phone()),
                String.join(",", new TreeSet<>(e.roles())), e.emailVerified(), at));
    }

    @EventHandler
    void on(UserErased e) {
        users.getReferenceById(e.userId().value()).erase();
        addresses.deleteAllInBatch(addresses.findByUserIdOrderByIsDefaultDescUpdatedAtAsc(e.userId().value()));
    }

    @EventHandler
    void on(EmailVerified e) { users.getReferenceById(e.userId().value()).verified(); }

    @EventHandler
    void on(LoginSucceeded e, @Timestamp Instant at) { users.getReferenceById(e.userId().value()).loggedIn(at); }

    @EventHandler
    void on(UserSuspended e, @Timestamp Instant at) {
        String id = e.userId().value();
        users.getReferenceById(id).suspended(at, personal.opener(id).apply(e.reason()));
    }

    @EventHandler
    void on(UserReinstated e) { users.getReferenceById(e.userId().value()).status("active"); }

    @EventHandler
    void on(UserDeactivated e) { users.getReferenceById(e.userId().value()).status("deactivated"); }

    @EventHandler
    void on(RolesChanged e) {
        users.getReferenceById(e.userId().value()).roles(String.join(",", new TreeSet<>(e.roles())));
    }

    @EventHandler
    void on(ProfileUpdated e) {
        String id = e.userId().value();
        UnaryOperator<String> open = personal.opener(id);
        users.getReferenceById(id).profile(open.apply(e.firstName()), open.apply(e.lastName()), open.apply(e.phone()));
    }

    @ResetHandler
    void reset() { users.deleteAllInBatch(); }
}
