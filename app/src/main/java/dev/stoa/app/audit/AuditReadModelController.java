package dev.stoa.app.audit;

import dev.stoa.api.ordering.FindOrders;
import dev.stoa.api.ordering.OrderStatus;
import dev.stoa.api.platform.DomainException;
import dev.stoa.app.platform.replay.AsOfReplay;
import dev.stoa.projection.inventory.InventoryProjection;
import dev.stoa.projection.ordering.OrderProjection;
import dev.stoa.query.ordering.OrderQueryHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * Read models as they stood at an instant (auditor, admin): the order list and the stock, each built by replaying its
 * projection over the events stored up to {@code asOf} into a temporary schema ({@link AsOfReplay}), then answered
 * by the same query code as the live read model.
 */
@RestController
@Profile("!command") // answered by the query process, which holds the projections and the query handlers
@RequestMapping("/api/v1/audit")
@Validated
@Tag(name = "Audit")
class AuditReadModelController {
    private final AsOfReplay asOfReplay;
    private final OrderQueryHandler orders;
    private final JdbcTemplate jdbc;

    AuditReadModelController(AsOfReplay asOfReplay, OrderQueryHandler orders, JdbcTemplate jdbc) {
        this.asOfReplay = asOfReplay;
        this.orders = orders;
        this.jdbc = jdbc;
    }

    /** One product's stock as the inventory read model had it. */
    record StockLevel(String productId, int onHand, int reserved, int available) {}

    /**
     * One page of the order list as it stood at {@code asOf}: the shape of GET /api/v1/orders and the instant it stood
     * at, as the stock's page names it (the list did not echo it before 2026-12-07, sixth session; walkthrough Z20).
     */
    record OrdersPage(List<dev.stoa.api.ordering.OrderView> items, long total, int limit, int offset, Instant asOf) {}

    /** One page of stock levels, by product id. */
    record StockPage(List<StockLevel> items, long total, int limit, int offset, Instant asOf) {}

    @GetMapping("/orders")
    @Operation(operationId = "listOrdersAsOf", summary = "All orders as the order read model stood at `asOf`, newest first, "
            + "in the shape of GET /api/v1/orders with the instant echoed as `asOf` (rebuilt from the events stored up to then)")
    OrdersPage orders(@Parameter(description = "ISO-8601 instant, e.g. 2026-11-30T12:00:00Z") @RequestParam String asOf,
                             @RequestParam(required = false) String status,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                             @RequestParam(defaultValue = "0") @Min(0) int offset, HttpServletRequest request) {
        AuditController.refuseEmpty(request);
        Instant at = AsOf.parse(asOf, null);
        OrderStatus wanted = status == null || status.isBlank() ? null : OrderStatus.of(status).orElseThrow(() ->
                DomainException.badInput("status must be one of pending, confirmed, shipped, delivered, cancelled"));
        FindOrders.Result page = asOfReplay.answer(OrderProjection.NAME, at,
                () -> orders.handle(new FindOrders(null, wanted, null, null, limit, offset)));
        return new OrdersPage(page.items(), page.total(), page.limit(), page.offset(), at);
    }

    @GetMapping("/stock")
    @Operation(operationId = "listStockAsOf", summary = "Every product's stock `{productId, onHand, reserved, available}` as the "
            + "inventory read model stood at `asOf`, by product id (rebuilt from the events stored up to then)")
    StockPage stock(@Parameter(description = "ISO-8601 instant, e.g. 2026-11-30T12:00:00Z") @RequestParam String asOf,
                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                    @RequestParam(defaultValue = "0") @Min(0) int offset, HttpServletRequest request) {
        AuditController.refuseEmpty(request);
        Instant at = AsOf.parse(asOf, null);
        return asOfReplay.answer(InventoryProjection.NAME, at, () -> {
            List<StockLevel> items = jdbc.query("select product_id, on_hand, reserved, available from inventory_view "
                            + "order by product_id limit ? offset ?",
                    (rs, i) -> new StockLevel(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)), limit, offset);
            Long total = jdbc.queryForObject("select count(*) from inventory_view", Long.class);
            return new StockPage(items, total == null ? 0 : total, limit, offset, at);
        });
    }
}
