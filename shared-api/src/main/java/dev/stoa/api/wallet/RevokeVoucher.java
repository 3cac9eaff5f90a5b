package dev.stoa.api.wallet;

import dev.stoa.api.platform.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Withdraws a voucher not redeemed yet (admin), whose code leaked or was handed out by mistake: it redeems no more (422
 * {@code voucher_revoked}). 404 for no such voucher, 409 {@code invalid_transition} once redeemed; again, nothing more.
 */
public record RevokeVoucher(@TargetAggregateIdentifier VoucherId voucherId, Actor actor) {}
