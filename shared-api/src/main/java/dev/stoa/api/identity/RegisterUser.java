package dev.stoa.api.identity;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open an account. The e-mail must be unused (compared without case); {@code passwordHash} is already
 * hashed (bcrypt) by the sender: a clear password never enters a message.
 */
public record RegisterUser(@TargetAggregateIdentifier UserId userId, String email, String passwordHash,
                           String firstName, String lastName, Set<String> roles) {}
