package dev.stoa.command.identity;

import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserRegistered;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.command.platform.UniqueKeys;
import java.util.Set;

/** What opening an account takes: a well-formed e-mail nobody else has, a bcrypt hash and known roles. */
final class Registration {
    private Registration() {}

    /**
     * Checks the command and claims the e-mail; the event carries the personal fields sealed. An address not yet
     * verified gets a deadline: unverified, the registration expires and frees the address.
     */
    static UserRegistered accept(RegisterUser cmd, UniqueKeys keys, PersonalData personal, RegistrationDeadlines deadlines) {
        String email = UserAccount.emailKey(cmd.email());
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) throw DomainException.badInput("email must be an e-mail address");
        Credentials.requireBcrypt(cmd.passwordHash(), "passwordHash");
        AccountRoles.requireKnown(cmd.roles());
        if (!keys.claim(UserAccount.EMAIL, email, cmd.userId().value()))
            throw new DomainException(ErrorCode.DUPLICATE_EMAIL, "an account with this e-mail already exists");
        String id = cmd.userId().value();
        if (!cmd.emailVerified()) deadlines.schedule(id);
        return new UserRegistered(cmd.userId(), personal.seal(id, email), cmd.passwordHash(), personal.seal(id, cmd.firstName()),
                personal.seal(id, cmd.lastName()), personal.seal(id, cmd.phone()), Set.copyOf(cmd.roles()), cmd.emailVerified());
    }
}
