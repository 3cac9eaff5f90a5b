package dev.stoa.app.platform.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
     * The processors of the process by name, in the shape of every other list ({@code items}, {@code total},
     * {@code limit}, {@code offset}). A bare array before 2026-12-07 (walkthrough Z4); not paged, and {@code limit} and
     * {@code offset} refused (400), until 2026-12-07 evening (walkthrough Z38). The default {@code limit} is the largest,
     * 100, not the lists' 20: a process has a few dozen processors, and a listing without parameters showed them all.
     */
    record ProjectionList(List<ProjectionView> items, long total, int limit, int offset) {}

    @GetMapping
    @Operation(operationId = "listProjections", summary = "The event processors by name: kind, read model or side effect, "
            + "status, position against the head of the log, lag, segments, dead letters and its running or last rebuild; "
            + "`limit` 1-100 (default 100: a process has a few dozen, all of them in one page) and `offset`")
    ProjectionList list(@RequestParam(defaultValue = "100") @Min(1) @Max(100) int limit,
                        @RequestParam(defaultValue = "0") @Min(0) int offset) {
        List<ProjectionView> all = projections.list();
        List<ProjectionView> page = all.stream().skip(offset).limit(limit).toList();
        return new ProjectionList(page, all.size(), limit, offset);
    }

    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(operationId = "replayProjection", summary = "Rebuild a read model from the event log beside the live one, "
            + "which keeps serving until the new one has caught up and is switched in at once; answers the rebuild's "
            + "first progress (follow it in the listing); a ProjectionRebuildStarted event records who started it. Side-effect "
            + "processors are never replayed (409 replay_not_allowed)")
    ProjectionView.Rebuild replay(@PathVariable @Size(max = 255) String name) { return projections.replay(name); }
}
