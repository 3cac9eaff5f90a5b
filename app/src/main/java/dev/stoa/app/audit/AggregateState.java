package dev.stoa.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * An aggregate as it stood at {@code asOf}, rebuilt from its events: the last one applied ({@code sequence}, stored at
 * {@code lastEventAt}), how many were applied, and the aggregate's fields as JSON, with personal fields opened (or
 * {@code [erased]}) and secrets hidden. Kept in the app, not shared-api: its {@code state} is a JSON tree.
 */
@Schema(description = "An aggregate's state at an instant, rebuilt from its events by its own event-sourcing handlers")
public record AggregateState(
        @Schema(example = "order") String aggregateType,
        @Schema(example = "5b0e3c1e-8f7a-4c1e-9d55-2b8f4f7d8a10") String aggregateId,
        @Schema(description = "The instant asked for (now when none was)") Instant asOf,
        @Schema(description = "Sequence number of the last event applied") long sequence,
        @Schema(description = "The aggregate's version after it (Axon's, equal to the sequence)") long version,
        @Schema(description = "When the last event applied was stored") Instant lastEventAt,
        @Schema(description = "How many events were applied") long eventsApplied,
        @Schema(description = "The aggregate's fields as JSON; personal fields opened or [erased], secrets [secret]")
        JsonNode state) {}
