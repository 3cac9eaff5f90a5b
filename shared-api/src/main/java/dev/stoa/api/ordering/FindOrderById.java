package dev.stoa.api.ordering;

import dev.stoa.api.platform.Actor;

/** One order as {@code actor} may see it ({@link OrderView}); null when it does not exist or is not theirs to see. */
public record FindOrderById(OrderId orderId, Actor actor) {}
