package dev.stoa.app.platform.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * Operations (API.md): the events processors parked after their handlers failed, their retry and eviction (admin
 * only, see SecurityConfiguration). Serves the processors of the process it runs in; an unknown one is a 404.
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@Validated
@Tag(name = "Operations")
class DeadLetterController {
    private final DeadLetters deadLetters;
    private final DeadLetterRetries retries;

    DeadLetterController(DeadLetters deadLetters, DeadLetterRetries retries) {
        this.deadLetters = deadLetters;
        this.retries = retries;
    }

    record RetryRequest(@NotBlank @Size(max = 255) String processor, @Size(min = 1, max = 255) String sequenceId) {}

    @GetMapping
    @Operation(operationId = "listDeadLetters", summary = "Parked events, oldest first, with cause, type and retries (all processors of this process, or one)")
    DeadLetters.Page list(@RequestParam(required = false) @Size(min = 1, max = 255) String processor,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                          @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return deadLetters.list(processor, limit, offset);
    }

    @PostMapping("/retry")
    @Operation(operationId = "retryDeadLetters", summary = "Retry one parked sequence now, or every sequence of the processor; says how many letters left the queue")
    DeadLetterRetries.Outcome retry(@Valid @RequestBody RetryRequest body) {
        return retries.retry(body.processor(), body.sequenceId());
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "evictDeadLetter", summary = "Evict one parked event: its processor skips it for good (a DeadLetterEvicted event records it)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> evict(@PathVariable @Size(max = 255) String id) {
        deadLetters.evict(id);
        return ResponseEntity.noContent().build();
    }
}
