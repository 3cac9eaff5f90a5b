package dev.stoa.api.payment;

import java.util.List;

/**
 * Card payments, newest first: {@code buyerId} set, only that buyer's (a customer's own list); null, all (staff).
 * Optional filters {@code status} and {@code orderId}.
 */
public record FindPayments(String buyerId, String status, String orderId, int limit, int offset) {
    public record Result(List<PaymentView> items, long total, int limit, int offset) {}
}
