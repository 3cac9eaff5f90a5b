package dev.stoa.query.ordering;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.FindOrderById;
import dev.stoa.api.ordering.FindOrders;
import dev.stoa.api.ordering.FindVendorOrders;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.ordering.OrderStatus;
import dev.stoa.api.ordering.OrderView;
import dev.stoa.api.platform.Access;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.InstantParam;
import dev.stoa.api.platform.Roles;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** Orders as their buyer, staff and the vendors of their lines read them. Another customer's order is a 404. */
@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Orders")
class OrderQueryController {
    /** The order lists' range, as the README's "Orders" says (walkthrough Z14: the document said nothing of its form). */
    static final String FROM = "Placed at or after: an ISO-8601 instant (2026-12-01T00:00:00Z) or a date (2026-12-01, "
            + "its start in UTC)";
    static final String TO = "Placed before: an ISO-8601 instant, or a date, which takes in that whole day (UTC)";

    private final Queries queries;

    OrderQueryController(Queries queries) { this.queries = queries; }

    @GetMapping("/orders/{orderId}")
    @Operation(operationId = "getOrder", summary = "One order with its lines and history (its buyer, admin, support; "
            + "a vendor sees only their own lines)", description = "Each line shows its tracking number, shippedAt and "
            + "deliveredAt, and withdrawnQuantity: units a refund request paid back before they shipped, which are not "
            + "shipped (the vendor ships quantity - withdrawnQuantity; a line with none left is not shipped), and "
            + "sentBackQuantity: units a refund request paid back after they shipped, which the buyer sends back.")
    OrderView order(@PathVariable OrderId orderId, Actor actor) {
        OrderView view = queries.ask(new FindOrderById(orderId, actor), OrderView.class);
        if (view == null) throw DomainException.notFound("order " + orderId);
        return view;
    }

    @GetMapping("/users/{userId}/orders")
    @Operation(operationId = "listUserOrders", summary = "A user's orders, newest first, by status and placed in [from, to) (that user, admin, support)")
    FindOrders.Result ofUser(@PathVariable UserId userId, Actor actor,
                             @RequestParam(required = false) String status,
                             @Parameter(description = FROM) @RequestParam(required = false) String from,
                             @Parameter(description = TO) @RequestParam(required = false) String to,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                             @RequestParam(defaultValue = "0") @Min(0) int offset) {
        Access.requireSelfOr(actor, userId.value(), "orders of user " + userId, Roles.ADMIN, Roles.SUPPORT);
        return find(userId.value(), status, from, to, limit, offset);
    }

    @GetMapping("/users/me/orders")
    @Operation(operationId = "listMyOrders", summary = "The caller's own orders, newest first (listUserOrders for the "
            + "caller's id, as /users/me/enrollments and /users/me/notifications are)")
    FindOrders.Result mine(Actor actor, @RequestParam(required = false) String status,
                           @Parameter(description = FROM) @RequestParam(required = false) String from,
                           @Parameter(description = TO) @RequestParam(required = false) String to,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                           @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return find(actor.userId(), status, from, to, limit, offset);
    }

    @GetMapping("/orders")
    @Operation(operationId = "listOrders", summary = "All orders, newest first, by status and placed in [from, to) "
            + "(ISO-8601 instants or dates, UTC) (admin, support)")
    FindOrders.Result all(@RequestParam(required = false) String status,
                          @Parameter(description = FROM) @RequestParam(required = false) String from,
                          @Parameter(description = TO) @RequestParam(required = false) String to,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                          @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return find(null, status, from, to, limit, offset);
    }

    @GetMapping("/vendors/me/orders")
    @Operation(operationId = "listMyVendorOrders", summary = "The orders holding a line the caller sells, newest first, "
            + "each with the caller's lines only (as GET /orders/{orderId} shows them to a vendor), by status and placed "
            + "in [from, to): what to ship is status=confirmed (vendor, instructor: the orders holding their courses, admin)")
    FindOrders.Result vendorOrders(Actor actor, @RequestParam(required = false) String status,
                                   @Parameter(description = FROM) @RequestParam(required = false) String from,
                                   @Parameter(description = TO) @RequestParam(required = false) String to,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                                   @RequestParam(defaultValue = "0") @Min(0) int offset) {
        Instant[] range = InstantParam.range(from, to);
        return queries.ask(new FindVendorOrders(actor.userId(), status(status), range[0], range[1], limit, offset),
                FindOrders.Result.class);
    }

    /**
     * Orders of one buyer (null: all), by status and placed in [from, to); a user's own lists take the filters the
     * staff's list takes (they were ignored, so {@code ?status=confirmed} listed cancelled orders too).
     */
    private FindOrders.Result find(String buyer, String status, String from, String to, int limit, int offset) {
        Instant[] range = InstantParam.range(from, to); // a date as to ends with its day
        Instant since = range[0], until = range[1];
        return queries.ask(new FindOrders(buyer, status(status), since, until, limit, offset), FindOrders.Result.class);
    }

    private static OrderStatus status(String status) {
        return status == null || status.isBlank() ? null : OrderStatus.of(status).orElseThrow(() ->
                DomainException.badInput("status must be one of pending, confirmed, shipped, delivered, cancelled"));
    }
}
