package dev.stoa.command.identity;

import dev.stoa.command.platform.UniqueKeys;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Whose account an e-mail address is (compared as logins compare it: case-insensitively), for other contexts. */
@Component
public class AccountAddresses {
    private final UniqueKeys keys;

    AccountAddresses(UniqueKeys keys) { this.keys = keys; }

    /** The id of the account this address belongs to now, if any. */
    public Optional<String> ownerOf(String email) { return keys.ownerOf(UserAccount.EMAIL, UserAccount.emailKey(email)); }
}
