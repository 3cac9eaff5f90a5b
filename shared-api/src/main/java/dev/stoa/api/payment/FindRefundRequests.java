package dev.stoa.api.payment;

import java.util.List;

/**
 * Refund requests, newest first: {@code buyerId} set, only that buyer's; null, everybody's (staff). Optional filters
 * {@code status}, {@code orderId}; {@code refundId} set: that one only.
 */
public record FindRefundRequests(String refundId, String buyerId, String status, String orderId, int limit, int offset) {
    public record Result(List<RefundRequestView> items, long total, int limit, int offset) {}
}
