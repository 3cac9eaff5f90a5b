package dev.stoa.app.platform.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.*;

/**
 * Operations (API.md): every event processor of this process with its position, lag, segments, status and dead
 * letters, and rebuilds of read models beside the live ones (admin only, see AccessRules).
 */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Validated
@Tag(name = "Operations")
class ProjectionController {
    private final Projections projections;

    ProjectionController(Projections projections) { this.projections = projections; }

    /**
     * Every processor of the process, in the list shape of every other list ({@code items}, {@code total}); not paged:
     * a process has a few dozen. A bare array before 2026-12-07 (walkthrough Z4).
     */
    record ProjectionList(List<ProjectionView> items, long total) {}

    @GetMapping
    @Operation(operationId = "listProjections", summary = "Every event processor: kind, read model or side effect, status, "
            + "position against the head of the log, lag, segments, dead letters and its running or last rebuild; all "
            + "of them, in `items`, with their number in `total`")
    ProjectionList list() {
        List<ProjectionView> all = projections.list();
        return new ProjectionList(all, all.size());
    }

    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "replayProjection", summary = "Rebuild a read model from the event log beside the live one, "
            + "which keeps serving until the new one has caught up and is switched in at once; answers the rebuild's "
            + "first progress (follow it in the listing); a ProjectionRebuildStarted event records who started it. Side-effect "
            + "processors are never replayed (409 replay_not_allowed)")
    ProjectionView.Rebuild replay(@PathVariable @Size(max = 255) String name) { return projections.replay(name); }
}
