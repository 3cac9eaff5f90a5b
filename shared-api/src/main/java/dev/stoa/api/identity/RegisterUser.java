package dev.stoa.api.identity;

import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open an account. The e-mail must be unused (compared without case); {@code passwordHash} is already
 * hashed (bcrypt) by the sender: a clear password never enters an event. {@code emailVerified} is true
 * only for accounts an operator vouches for (the bootstrap admin).
 */
public record RegisterUser(@TargetAggregateIdentifier UserId userId, String email, String passwordHash,
                           String firstName, String lastName, String phone, Set<String> roles,
                           boolean emailVerified) {}
