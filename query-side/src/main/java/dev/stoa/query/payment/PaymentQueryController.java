package dev.stoa.query.payment;

import dev.stoa.api.payment.FindPayments;
import dev.stoa.api.payment.PaymentStatus;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Roles;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Set;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/** Card payments from the read model: a customer's own, or (admin, support) everybody's. */
@RestController
@RequestMapping("/api/v1/payments")
@Validated
@Tag(name = "Payments")
class PaymentQueryController {
    private static final Set<String> STATUSES = Set.of(PaymentStatus.PENDING, PaymentStatus.CAPTURED, PaymentStatus.FAILED,
            PaymentStatus.CANCELED, PaymentStatus.PARTIALLY_REFUNDED, PaymentStatus.REFUNDED);
    private final Queries queries;

    PaymentQueryController(Queries queries) { this.queries = queries; }

    @GetMapping
    @Operation(operationId = "listPayments", summary = "Card payments, newest first, with amounts captured and refunded and "
            + "each refund: your own, or everybody's for admin and support; filters status and orderId")
    FindPayments.Result list(Actor actor,
                             @RequestParam(required = false) String status,
                             @RequestParam(required = false) UUID orderId,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                             @RequestParam(defaultValue = "0") @Min(0) int offset) {
        if (status != null && !STATUSES.contains(status))
            throw DomainException.badInput("status must be one of " + String.join(", ", STATUSES.stream().sorted().toList()));
        boolean staff = actor.isAdmin() || actor.has(Roles.SUPPORT);
        return queries.ask(new FindPayments(staff ? null : actor.userId(), status, orderId == null ? null : orderId.toString(),
                limit, offset), FindPayments.Result.class);
    }
}
