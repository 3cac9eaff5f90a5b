package dev.stoa.command.ordering;

import dev.stoa.api.catalog.ProductId;
import dev.stoa.api.inventory.CommitStockReservation;
import dev.stoa.api.ordering.CancelOrder;
import dev.stoa.api.ordering.OrderCancelled;
import dev.stoa.api.ordering.MarkOrderDelivered;
import dev.stoa.api.ordering.MarkOrderShipped;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.Actor;
import dev.stoa.command.learning.CourseRevocations;
import dev.stoa.command.platform.web.Commands;
import dev.stoa.command.platform.web.RefusalsStayHere;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/** Shipping updates and cancellation of orders (placing one is the checkout's: POST /api/v1/orders). */
@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders")
class OrderCommandController {
    private final Commands commands;

    private static final Logger log = LoggerFactory.getLogger(OrderCommandController.class);

    OrderCommandController(Commands commands) { this.commands = commands; }

    /** Body of PUT /api/v1/orders/{orderId}/status. */
    record StatusRequest(@NotNull @Pattern(regexp = "shipped|delivered", message = "must be shipped or delivered") String status,
                         @Size(max = 100) @dev.stoa.command.platform.web.VisibleWhenGiven String trackingNumber) {}

    /** Body of POST /api/v1/orders/{orderId}/cancel (optional). */
    record CancelRequest(@Size(max = 500) @dev.stoa.command.platform.web.VisibleWhenGiven String reason) {}

    @PutMapping("/{orderId}/status")
    @Operation(operationId = "updateOrderStatus", summary = "Mark an order's lines shipped (with tracking number) or "
            + "delivered: a vendor their own lines, an admin all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> status(@PathVariable OrderId orderId, @Valid @RequestBody StatusRequest body, Actor actor) {
        if ("shipped".equals(body.status())) {
            List<String> products = commands.send(new MarkOrderShipped(orderId, body.trackingNumber(), actor));
            for (String product : products) commitShipped(orderId, new ProductId(product));
        } else {
            commands.send(new MarkOrderDelivered(orderId, actor));
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * The shipped units leave the stock before the answer, so a count made after it sees them gone (and one made
     * against the level before, with expectedOnHand, is refused). OrderFulfilment sends the same on the shipment's
     * event: a failure here is logged and left to it.
     */
    private void commitShipped(OrderId orderId, ProductId product) {
        try {
            commands.send(new CommitStockReservation(product, orderId));
        } catch (RuntimeException e) {
            log.warn("Order {}: the stock of shipped product {} is left to the order's saga ({})", orderId, product, e.toString());
        }
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(operationId = "cancelOrder", summary = "Cancel an order (its buyer before anything shipped, and a paid order holding a course not at all: that is a refund request; an admin until delivered)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> cancel(@PathVariable OrderId orderId, @Valid @RequestBody(required = false) CancelRequest body,
                                Actor actor) {
        OrderCancelled cancelled = commands.send(new CancelOrder(orderId, body == null ? null : body.reason(), actor));
        if (cancelled != null) giveBack(cancelled);
        return ResponseEntity.noContent().build();
    }

    /**
     * The steps of the cancellation, sent by its request so that the answer covers them: the next read of the stock or the
     * wallet (with the answer's {@code X-Stoa-Position}) shows the units and the money back. Before, only the order's
     * saga sent them, after the answer, and such a read often showed the old stock and balance (found by a
     * walkthrough, 2026-12-06). The courses of a paid order are taken back here too (fifth session of 2026-12-06), so the
     * next read of the course's students shows them gone. The saga still sends each (every step is idempotent): a step refused or unanswered
     * here is left to it, and the cancellation, which happened, is answered as such.
     */
    @RefusalsStayHere
    private void giveBack(OrderCancelled cancelled) {
        // the courses first, then the money and the stock (before 2026-12-07 the money came back first, and progress
        // posted in between was recorded on a course already paid back); left to course-entitlements, should one fail
        List<Object> steps = new ArrayList<Object>(CourseRevocations.of(cancelled));
        steps.addAll(CancellationSteps.of(cancelled));
        for (Object step : steps) {
            try {
                commands.send(step);
            } catch (RuntimeException e) {
                log.info("Order {}: {} is left to the order's saga ({})", cancelled.orderId(), step.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }
}
