package dev.stoa.projection.identity;

import dev.stoa.api.identity.*;
import java.time.Instant;
import java.util.TreeSet;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Builds {@code user_view}: the profile of every account. */
@Component
@ProcessingGroup(UserProjection.NAME)
public class UserProjection {
    public static final String NAME = "user-read-model";
    private final UserViewRepository users;

    public UserProjection(UserViewRepository users) { this.users = users; }

    @EventHandler
    void on(UserRegistered e, @Timestamp Instant at) {
        users.save(new UserEntity(e.userId().value(), e.email(), e.firstName(), e.lastName(), e.phone(),
                String.join(",", new TreeSet<>(e.roles())), e.emailVerified(), at));
    }

    @EventHandler
    void on(EmailVerified e) { users.getReferenceById(e.userId().value()).verified(); }

    @EventHandler
    void on(LoginSucceeded e, @Timestamp Instant at) { users.getReferenceById(e.userId().value()).loggedIn(at); }

    @EventHandler
    void on(UserSuspended e) { users.getReferenceById(e.userId().value()).status("suspended"); }

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
        users.getReferenceById(e.userId().value()).profile(e.firstName(), e.lastName(), e.phone());
    }

    @ResetHandler
    void reset() { users.deleteAllInBatch(); }
}
