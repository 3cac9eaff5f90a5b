package dev.stoa.command.identity;

import static org.mockito.Mockito.mock;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.identity.UserRegistered;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.command.platform.SecretSealer;
import dev.stoa.command.platform.UniqueKeys;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.mockito.AdditionalAnswers;

/** The UserAccount fixture with stand-ins for what the app provides (sealing, keys, deadlines). */
final class UserAccountFixtures {
    static final String PASSWORD = "correct horse 42";
    static final String HASH = Passwords.hash(PASSWORD);
    static final String SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    /** Sealing is the app's job; here a reversible stand-in is enough. */
    static final SecretSealer SEALER = new SecretSealer() {
        public String seal(String secret) { return "sealed:" + secret; }
        public String open(String sealed) { return sealed.substring("sealed:".length()); }
    };
    /** Sealing personal data is the app's job (tested through HTTP); clear text is enough here. */
    static final PersonalData PERSONAL = new PersonalData() {
        public String seal(String userId, String value) { return value; }
        public String open(String userId, String sealed) { return sealed; }
        public void erase(String userId) {}
        public boolean isErased(String userId) { return false; }
    };

    final AggregateTestFixture<UserAccount> fixture = new AggregateTestFixture<>(UserAccount.class);
    final UniqueKeys keys = mock(UniqueKeys.class);
    final PersonalData personal = mock(PersonalData.class, AdditionalAnswers.delegatesTo(PERSONAL));
    final RegistrationDeadlines deadlines = mock(RegistrationDeadlines.class);

    UserAccountFixtures() {
        fixture.registerInjectableResource(keys);
        fixture.registerInjectableResource(SEALER);
        fixture.registerInjectableResource(personal);
        fixture.registerInjectableResource(deadlines);
        fixture.registerInjectableResource(new dev.stoa.command.platform.BeforeEvents(
                mock(org.springframework.transaction.PlatformTransactionManager.class), false));
    }

    static UserRegistered registered(UserId id, boolean verified) {
        return new UserRegistered(id, "ada@example.org", HASH, "Ada", "Lovelace", null, Set.of("customer"), verified);
    }
}
