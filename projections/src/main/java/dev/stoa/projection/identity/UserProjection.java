package dev.stoa.projection.identity;

import dev.stoa.api.identity.*;
import dev.stoa.api.platform.PersonalData;
import java.time.Instant;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Builds {@code user_view}: the profile of every account, personal fields opened with the user's key; and
 * {@code user_account_history}, each account's suspensions (with their reasons), reinstatements and deactivation. A user
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
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    public UserProjection(UserViewRepository users, AddressViewRepository addresses, PersonalData personal,
                          org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.users = users;
        this.addresses = addresses;
        this.personal = personal;
        this.jdbc = jdbc;
    }

    /** One change of the account's lifecycle in {@code user_account_history}, once per event (its id). */
    private void history(EventMessage<?> message, String userId, Instant at, String change, String reason) {
        jdbc.update("insert into user_account_history (event_id, user_id, at, change, reason) values (?, ?, ?, ?, ?) "
                + "on conflict (event_id) do nothing", message.getIdentifier(), userId,
                java.sql.Timestamp.from(at), change, reason);
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
        jdbc.update("update user_account_history set reason = ? where user_id = ? and reason is not null",
                PersonalData.ERASED, e.userId().value());
        addresses.deleteAllInBatch(addresses.findByUserIdOrderByIsDefaultDescUpdatedAtAsc(e.userId().value()));
    }

    @EventHandler
    void on(EmailVerified e) { users.getReferenceById(e.userId().value()).verified(); }

    @EventHandler
    void on(LoginSucceeded e, @Timestamp Instant at) { users.getReferenceById(e.userId().value()).loggedIn(at); }

    @EventHandler
    void on(UserSuspended e, @Timestamp Instant at, EventMessage<?> message) {
        String id = e.userId().value();
        String reason = personal.opener(id).apply(e.reason());
        users.getReferenceById(id).suspended(at, reason);
        history(message, id, at, "suspended", reason);
    }

    @EventHandler
    void on(UserReinstated e, @Timestamp Instant at, EventMessage<?> message) {
        users.getReferenceById(e.userId().value()).status("active");
        history(message, e.userId().value(), at, "reinstated", null);
    }

    @EventHandler
    void on(UserDeactivated e, @Timestamp Instant at, EventMessage<?> message) {
        users.getReferenceById(e.userId().value()).status("deactivated");
        history(message, e.userId().value(), at, "deactivated", null);
    }

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
    void reset() {
        users.deleteAllInBatch();
        jdbc.update("delete from user_account_history");
    }
}
