package dev.stoa.api.payment;

/**
 * Part of an order to refund: {@code quantity} units of the order's line selling {@code itemType} ({@code product},
 * later {@code course}) {@code itemId}.
 */
public record RefundItem(String itemType, String itemId, int quantity) {}
