package dev.stoa.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Confirm that the user received mail at the address they registered (the link's token was checked by the
 * sender). With the registration {@code password} the registrant proved both and keeps it; without it only the
 * mailbox is proven and the registration password is voided ({@link PasswordVoided}). Answers a
 * {@link LoginOutcome}: a wrong password is refused and counted like a wrong login.
 */
public record VerifyEmail(@TargetAggregateIdentifier UserId userId, String email, String password) {
    /** Never prints the password. */
    @Override
    public String toString() { return "VerifyEmail[userId=" + userId + ", email=***, password=***]"; }
}
