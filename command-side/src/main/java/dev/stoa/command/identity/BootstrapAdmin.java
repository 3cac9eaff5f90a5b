package dev.stoa.command.identity;

import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Roles;
import dev.stoa.command.platform.DeploymentMode;
import dev.stoa.command.platform.StartupRefused;
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
 * Opens the first admin account once, at the first start, from {@code stoa.bootstrap.admin.email} and
 * {@code .password}. A marker key records that it was opened, so an admin that was later erased (which frees
 * its e-mail) is not opened again. With two command processes starting at once the unique e-mail lets exactly
 * one succeed. Outside the embedded mode the password must be set, must not be the documented development
 * default and must pass the password rule; otherwise the process refuses to start.
 */
@Component
class BootstrapAdmin {
    static final String MARKER = "bootstrap-admin";
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private final Commands commands;
    private final UniqueKeys keys;
    private final String email;
    private final String password;

    BootstrapAdmin(Commands commands, UniqueKeys keys, DeploymentMode mode,
                   @Value("${stoa.bootstrap.admin.email:}") String email,
                   @Value("${stoa.bootstrap.admin.password:}") String password) {
        this.commands = commands;
        this.keys = keys;
        this.email = email.trim();
        this.password = password;
        if (!mode.embedded()) requireDeployablePassword(this.email, password);
    }

    /** Outside the embedded mode: a password of the operator's own choosing, or no bootstrap admin at all. */
    static void requireDeployablePassword(String email, String password) {
        if (email.isBlank()) return;
        String action = "Set STOA_BOOTSTRAP_ADMIN_PASSWORD (stoa.bootstrap.admin.password) to a password of your own, "
                + "or STOA_BOOTSTRAP_ADMIN_EMAIL to an empty value for no bootstrap admin.";
        if (password == null || password.isBlank())
            throw new StartupRefused("stoa.bootstrap.admin.password is not set; outside the embedded mode the first "
                    + "admin account (" + email + ") has no default password.", action);
        if (password.equals(DeploymentMode.DEV_ADMIN_PASSWORD))
            throw new StartupRefused("stoa.bootstrap.admin.password is the documented development default, which "
                    + "is refused outside the embedded mode.", action);
        PasswordPolicy.weakness(password, email).ifPresent(why -> {
            throw new StartupRefused("stoa.bootstrap.admin.password is too weak: it " + why + ".", action);
        });
    }

    /**
     * Whether {@code candidate} is the bootstrap admin's e-mail while the account is not opened yet: the web server
     * takes requests before the platform is ready and this account is opened, and a sign-up with that e-mail in
     * between would leave the platform without its first admin (the address taken by an account that is not one).
     * The sign-up answers it as a taken address.
     */
    boolean reserves(String candidate) {
        if (email.isBlank() || password.isBlank() || candidate == null) return false;
        if (!UserAccount.emailKey(email).equals(UserAccount.emailKey(candidate))) return false;
        return !keys.exists(MARKER, MARKER);
    }

    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(0)
    void createIfMissing() {
        if (email.isBlank() || password.isBlank()) {
            log.info("No bootstrap admin configured (stoa.bootstrap.admin.email/password)");
            return;
        }
        if (keys.exists(MARKER, MARKER)) return;
        String emailKey = UserAccount.emailKey(email);
        var existing = keys.ownerOf(UserAccount.EMAIL, emailKey);
        if (existing.isPresent()) { // opened before the marker existed
            keys.claim(MARKER, MARKER, existing.get());
            return;
        }
        try {
            UserId id = UserId.random();
            commands.send(new RegisterUser(id, email, Passwords.hash(password), "Stoa", "Admin",
                    null, Set.of(Roles.ADMIN), true));
            keys.claim(MARKER, MARKER, id.value());
            log.info("Created the bootstrap admin account {} ({})", email, id);
        } catch (RuntimeException e) {
            log.warn("Could not create the bootstrap admin account {}: {}", email, e.getMessage());
        }
    }
}
