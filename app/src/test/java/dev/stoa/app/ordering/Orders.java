package dev.stoa.app.ordering;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderAmounts;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderLine;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.ordering.ShippingAddress;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.Await;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Orders placed as the checkout saga will place them: PlaceOrder through the command gateway (no checkout endpoint yet). */
final class Orders {
    static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "12 St James's Square", null, "London", null,
            "SW1Y 4JH", "GB");

    private Orders() {}

    static OrderLine product(String vendorId, String name, long unitPriceCents, int quantity) {
        return new OrderLine(OrderLine.PRODUCT, UUID.randomUUID().toString(), new UserId(vendorId), name, "SKU-" + name.toUpperCase(),
                unitPriceCents, quantity, unitPriceCents * quantity, true);
    }

    /** Places an order of these lines with 10% tax on the discounted subtotal, 4.99 shipping and a 5.00 discount. */
    static OrderId place(CommandGateway gateway, String buyerId, List<OrderLine> lines) {
        long subtotal = lines.stream().mapToLong(OrderLine::lineTotalCents).sum();
        long discount = 500;
        long tax = (subtotal - discount) / 10;
        OrderAmounts amounts = new OrderAmounts(subtotal, discount, tax, 499, subtotal - discount + tax + 499, "USD");
        OrderId id = OrderId.random();
        gateway.sendAndWait(new PlaceOrder(id, new UserId(buyerId), lines, amounts, "SPRING5", ADDRESS, PlaceOrder.WALLET, "leave at the door"));
        return id;
    }

    /** Waits until the order's read model shows {@code status} to {@code token}'s holder. */
    static Api.Response awaitStatus(Api api, OrderId id, String token, String status) {
        Api.Response[] last = new Api.Response[1];
        Await.until(() -> {
            last[0] = api.get("/api/v1/orders/" + id, token);
            return last[0].status() == 200 && status.equals(last[0].body().path("status").asText());
        }, Duration.ofSeconds(20), "order " + id + " is " + status + " (last: " + (last[0] == null ? "" : last[0]) + ")");
        return last[0];
    }
}
