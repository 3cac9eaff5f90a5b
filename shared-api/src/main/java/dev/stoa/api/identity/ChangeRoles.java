package dev.stoa.api.identity;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace an account's roles (admin). */
public record ChangeRoles(@TargetAggregateIdentifier UserId userId, java.util.Set<String> roles, Actor actor) {}
