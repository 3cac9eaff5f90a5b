package dev.stoa.query.payment;

import dev.stoa.api.payment.FindRefundRequests;
import dev.stoa.api.payment.RefundRequestView;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Roles;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** Refund requests from the read model: a customer's own, or (admin, support) everybody's. */
@RestController
@RequestMapping("/api/v1/refunds")
@Validated
@Tag(name = "Refunds")
class RefundQueryController {
    private static final List<String> STATUSES = List.of("approved", "closed", "failed", "refunded", "rejected", "requested");
    private final Queries queries;

    RefundQueryController(Queries queries) { this.queries = queries; }

    private static boolean staff(Actor actor) { return actor.isAdmin() || actor.has(Roles.SUPPORT); }

    @GetMapping
    @Operation(operationId = "listRefunds", summary = "Refund requests, newest first, with their amounts once approved: your "
            + "own, or everybody's for admin and support; filters status (requested, approved, refunded, rejected, failed, closed) and orderId")
    FindRefundRequests.Result list(Actor actor,
                                   @RequestParam(required = false) String status,
                                   @RequestParam(required = false) UUID orderId,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                                   @RequestParam(defaultValue = "0") @Min(0) int offset) {
        if (status != null && !STATUSES.contains(status))
            throw DomainException.badInput("status must be one of " + String.join(", ", STATUSES));
        return queries.ask(new FindRefundRequests(null, staff(actor) ? null : actor.userId(), status,
                orderId == null ? null : orderId.toString(), limit, offset), FindRefundRequests.Result.class);
    }

    @GetMapping("/{refundId}")
    @Operation(operationId = "getRefund", summary = "One refund request: its owner, admin and support (others: 404)")
    RefundRequestView get(@Parameter(description = "the refund request's id") @PathVariable UUID refundId, Actor actor) {
        List<RefundRequestView> found = queries.ask(new FindRefundRequests(refundId.toString(), staff(actor) ? null : actor.userId(),
                null, null, 1, 0), FindRefundRequests.Result.class).items();
        if (found.isEmpty()) throw DomainException.notFound("refund request " + refundId);
        return found.get(0);
    }
}
