package dev.stoa.api.identity;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change name and phone (the user, support or admin); null keeps a field. */
public record UpdateProfile(@TargetAggregateIdentifier UserId userId, String firstName, String lastName, String phone, Actor actor) {}
