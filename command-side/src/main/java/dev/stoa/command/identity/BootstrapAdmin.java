package dev.stoa.command.identity;

import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Roles;
import dev.stoa.command.platform.UniqueKeys;
import dev.stoa.command.platform.web.Commands;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens the first admin account at first start, from {@code stoa.bootstrap.admin.email} and
 * {@code .password}. Later starts find the e-mail taken and do nothing; with two command processes
 * starting at once the unique e-mail lets exactly one succeed.
 */
@Component
class BootstrapAdmin {
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private final Commands commands;
    private final UniqueKeys keys;
    private final String email;
    private final String password;

    BootstrapAdmin(Commands commands, UniqueKeys keys, @Value("${stoa.bootstrap.admin.email:}") String email,
                   @Value("${stoa.bootstrap.admin.password:}") String password) {
        this.commands = commands;
        this.keys = keys;
        this.email = email;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(0)
    void createIfMissing() {
        if (email.isBlank() || password.isBlank()) {
            log.info("No bootstrap admin configured (stoa.bootstrap.admin.email/password)");
            return;
        }
        if (keys.exists(UserAccount.EMAIL, UserAccount.emailKey(email))) return;
        try {
            UserId id = UserId.random();
            commands.send(new RegisterUser(id, email, UserAccount.PASSWORDS.encode(password), "Stoa", "Admin",
                    null, Set.of(Roles.ADMIN), true));
            log.info("Created the bootstrap admin account {} ({})", email, id);
        } catch (RuntimeException e) {
            log.warn("Could not create the bootstrap admin account {}: {}", email, e.getMessage());
        }
    }
}
