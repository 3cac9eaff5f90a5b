package dev.stoa.query.payment;

import dev.stoa.api.payment.FindOrderPayment;
import dev.stoa.projection.ordering.OrderViewRepository;
import dev.stoa.projection.wallet.WalletEntryEntity;
import dev.stoa.projection.wallet.WalletEntryViewRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers the payment of a wallet or free order from order_view and the buyer's wallet_entry_view rows for it. */
@Component
@Transactional(readOnly = true)
public class OrderPaymentQueryHandler {
    private final OrderViewRepository orders;
    private final WalletEntryViewRepository entries;

    public OrderPaymentQueryHandler(OrderViewRepository orders, WalletEntryViewRepository entries) {
        this.orders = orders;
        this.entries = entries;
    }

    @QueryHandler
    public FindOrderPayment.Result handle(FindOrderPayment query) {
        return orders.findById(query.orderId()).map(order -> {
            long debited = 0, refunded = 0;
            for (WalletEntryEntity entry : entries.findByUserIdAndOrderId(order.getBuyerId(), order.getId())) {
                if (WalletEntryEntity.DEBIT.equals(entry.getType())) debited += entry.getAmountCents();
                else if (WalletEntryEntity.REFUND.equals(entry.getType())) refunded += entry.getAmountCents();
            }
            return new FindOrderPayment.Result(order.getId(), order.getBuyerId(), order.getStatus(), order.getPaymentMethod(),
                    order.getTotalCents(), order.getCurrency(), "payment_failed".equals(order.getCancelReason()), debited,
                    refunded);
        }).orElse(null);
    }
}
