package dev.stoa.app.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audit (API.md): an aggregate's state as it stood at an instant, rebuilt from the event store by the aggregate's own
 * event-sourcing handlers. For auditors and admins (AccessRules); personal data as every audit answer shows it.
 */
@RestController
@Validated
@Tag(name = "Audit")
class AggregateStateController {
    private final AggregateStates states;

    AggregateStateController(AggregateStates states) { this.states = states; }

    @GetMapping("/api/v1/audit/{aggregateType}/{aggregateId}/state")
    @Operation(operationId = "getAggregateStateAsOf", summary = "An aggregate's state as it stood at an instant, rebuilt "
            + "from its events by its own event-sourcing handlers (auditor, admin); before its first event 404")
    ResponseEntity<AggregateState> state(
            @Parameter(description = "kebab-case of the aggregate's class (order, user-account, order-refunds, wallet…) "
                    + "or its stored type name (Order)", example = "order")
            @PathVariable @Size(max = 100) String aggregateType,
            @Parameter(description = "the aggregate's identifier as stored with its events (an order id, wallet-<userId>…)")
            @PathVariable @Size(max = 255) String aggregateId,
            @Parameter(description = "ISO-8601 instant (2026-11-30T12:00:00Z); now when absent", example = "2026-11-30T12:00:00Z")
            @RequestParam(required = false) String asOf, jakarta.servlet.http.HttpServletRequest request) {
        // a misspelled asOf ("asof") answered the state of now, as if it were the one asked for
        AuditController.refuseEmpty(request);
        AggregateState state = states.at(aggregateType, AuditFilter.storedId(aggregateId),
                AsOf.parse(asOf, Instant.now()));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(state);
    }
}
