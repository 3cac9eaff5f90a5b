package dev.stoa.api.payment;

/**
 * What an approved refund gives back for one order line, in cents: {@code quantity} units worth {@code itemsCents} at
 * their sold price, less {@code discountCents} (their pro-rata share of the order's discount), plus {@code taxCents}
 * (their share of the order's tax). {@code lineIndex} is the line's position in the order (0-based).
 */
public record RefundLineAmount(int lineIndex, String itemType, String itemId, int quantity, long itemsCents,
                               long discountCents, long taxCents) {}
