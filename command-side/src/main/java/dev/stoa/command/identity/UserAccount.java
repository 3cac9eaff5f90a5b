package dev.stoa.command.identity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.identity.UserRegistered;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Roles;
import dev.stoa.command.platform.UniqueKeys;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A user's account. This slice only opens accounts; login, profile and lifecycle come with identity. */
@Aggregate(cache = "aggregateCache")
public class UserAccount {
    static final String EMAIL = "user-email";

    @AggregateIdentifier
    private UserId userId;

    protected UserAccount() {}

    @CommandHandler
    public UserAccount(RegisterUser cmd, UniqueKeys keys) {
        if (cmd.email() == null || !cmd.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))
            throw DomainException.badInput("email must be an e-mail address");
        if (cmd.passwordHash() == null || !cmd.passwordHash().startsWith("$2"))
            throw DomainException.badInput("passwordHash must be a bcrypt hash");
        if (cmd.roles() == null || cmd.roles().isEmpty() || !Roles.ALL.containsAll(cmd.roles()))
            throw DomainException.badInput("roles must be among " + Roles.ALL);
        String email = emailKey(cmd.email());
        if (!keys.claim(EMAIL, email, cmd.userId().value()))
            throw DomainException.conflict("duplicate_email", "an account with this e-mail already exists");
        apply(new UserRegistered(cmd.userId(), email, cmd.passwordHash(), cmd.firstName(), cmd.lastName(),
                Set.copyOf(cmd.roles())));
    }

    @EventSourcingHandler
    void on(UserRegistered e) { userId = e.userId(); }

    static String emailKey(String email) { return email.trim().toLowerCase(Locale.ROOT); }
}
