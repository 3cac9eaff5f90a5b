package dev.stoa.api.cart;

import org.axonframework.serialization.Revision;

/** An admin created a coupon; {@code terms.code} is normalised (upper case). */
@Revision("1")
public record CouponCreated(String code, CouponTerms terms) {}
