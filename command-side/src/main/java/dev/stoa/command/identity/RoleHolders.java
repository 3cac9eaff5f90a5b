package dev.stoa.command.identity;

import dev.stoa.api.identity.CheckAccountRole;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import dev.stoa.command.platform.web.RefusalsStayHere;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.stereotype.Component;

/**
 * An id a client names for someone else (an admin listing a product for a vendor, creating a course for an
 * instructor) must be an account with that role: asked of the account itself ({@link CheckAccountRole}), since the
 * roles live in its own stream. No account, the role missing, or the account closed: refused with {@code refusal}
 * (422), naming the field. Before 2026-12-06 any UUID was taken, and the product or course belonged to nobody who could
 * ever sign in for it.
 */
@Component
public class RoleHolders {
    private final Commands commands;

    RoleHolders(Commands commands) { this.commands = commands; }

    public void require(UserId userId, String role, ErrorCode refusal, String field) {
        if (!holds(userId, role))
            throw new DomainException(refusal, field + " " + userId.value() + " is no open account with the " + role + " role");
    }

    /** The account's answer; no account at all is a no. The check refuses nothing else, so no code of it reaches the answer. */
    @RefusalsStayHere
    private boolean holds(UserId userId, String role) {
        try {
            return Boolean.TRUE.equals(commands.send(new CheckAccountRole(userId, role)));
        } catch (CommandExecutionException e) {
            if (!Refusals.is(e, ErrorCode.NOT_FOUND_CODE)) throw e;
            return false;
        }
    }
}
