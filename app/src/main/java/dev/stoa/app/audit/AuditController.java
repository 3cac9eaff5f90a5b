package dev.stoa.app.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.InstantParam;
import dev.stoa.app.platform.axon.PositionGate;
import dev.stoa.app.platform.web.AcceptRanges;
import dev.stoa.app.platform.web.ReadYourWritesFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event history for auditors (and admins): the log filtered and paged by position or streamed as NDJSON, one
 * aggregate's history with causes and timeline, and the verification of the hash chain. Every answer first waits,
 * bounded, until the audit log holds every event stored when the request came in ({@code X-Stoa-Consistency}).
 */
@RestController
@Profile("!command")
@RequestMapping("/api/v1/audit")
@Validated
@Tag(name = "Audit")
class AuditController {
    static final String NDJSON = "application/x-ndjson";
    /** The {@code userId} the log records for a request nobody signed in to, and for the platform's own schedules. */
    private static final java.util.Set<String> NOT_A_USER = java.util.Set.of("anonymous", "system");
    private final AuditEvents events;
    private final AggregateHistories histories;
    private final IntegrityVerifier verifier;
    private final PositionGate gate;
    private final StoredEvents store;
    private final ObjectMapper mapper;
    private final Duration wait;
    /** Known in a process that runs the aggregates; a query process knows none, and its reads do not check types. */
    private final AggregateTypes aggregateTypes;
    private final EventTypes eventTypes;

    AuditController(AuditEvents events, AggregateHistories histories, IntegrityVerifier verifier, PositionGate gate,
                    StoredEvents store, ObjectMapper mapper, @Value("${stoa.consistency.wait-timeout:5s}") Duration wait,
                    AggregateTypes aggregateTypes, EventTypes eventTypes) {
        this.aggregateTypes = aggregateTypes;
        this.eventTypes = eventTypes;
        this.events = events;
        this.histories = histories;
        this.verifier = verifier;
        this.gate = gate;
        this.store = store;
        this.mapper = mapper;
        this.wait = wait;
    }

    /**
     * A parameter given empty is 400 on an audit read: it read as a filter that matched nothing or, for {@code asOf=},
     * as now (found by a walkthrough, 2026-12-06). One the read does not take, or given twice, is refused for every
     * operation by {@code QueryParameters} (since the seventh session of 2026-12-06; the audit reads kept their own
     * lists of names before).
     */
    static void refuseEmpty(jakarta.servlet.http.HttpServletRequest request) {
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0 && (values[0] == null || values[0].isBlank()))
                refuse(name, "is empty; leave it out to not filter by it");
        });
    }

    /** What keeps {@code type} from being a type's name, as the caller would put it (a list was all it said before). */
    static String whyNotAName(String type) {
        if (type.contains(",")) return "one; a list is not taken";
        if (type.contains(".")) return "its simple name, not the class's (" + type.substring(type.lastIndexOf('.') + 1) + ")";
        if (!type.equals(type.strip()) || type.codePoints().anyMatch(c -> Character.isWhitespace(c)
                || Character.getType(c) == Character.FORMAT || Character.isSpaceChar(c)))
            return "without spaces or invisible characters";
        return "letters and digits only, a letter first";
    }

    private static void refuse(String name, String message) {
        // errors[0].field names the parameter (it read "unknown", the message's first word)
        throw DomainException.invalidParameter(name, message);
    }

    @GetMapping(value = "/events", produces = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    @Operation(operationId = "listAuditEvents", summary = "The event log, filtered, in the order it was chained (auditor, admin)",
            description = "Paged by position: pass the answer's `next` (its last event's position) as `after` for the "
                    + "next page. Events come in the order the log chained them: position order, except that an event "
                    + "which committed late comes where it was chained, after events with higher positions; so a page "
                    + "never passes an event that was not stored yet when it was read. With `Accept: "
                    + "application/x-ndjson` the whole matching range after `after` is streamed, one entry per line, "
                    + "without a limit. Personal fields read `[erased]` once their owner was erased.")
    @ApiResponse(responseCode = "200", description = "A page (JSON) or every matching entry (NDJSON)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AuditPage.class)),
            @Content(mediaType = NDJSON, schema = @Schema(implementation = AuditEntry.class))})
    ResponseEntity<AuditPage> events(
            @Parameter(description = "Aggregate type, e.g. `order`, `order-refunds`, `user-account`") @RequestParam(required = false) String aggregateType,
            @RequestParam(required = false) String aggregateId,
            @Parameter(description = "Event type, e.g. `OrderPlaced`: one of the platform's or one the log holds, else 400") @RequestParam(required = false) String type,
            @Parameter(description = "Stored at or after (ISO-8601 instant or date, UTC)") @RequestParam(required = false) String from,
            @Parameter(description = "Stored before (ISO-8601 instant or date, UTC)") @RequestParam(required = false) String to,
            @RequestParam(required = false) String correlationId,
            @RequestParam(required = false) String userId,
            @Parameter(description = "The X-Correlation-Id the client sent with the request that started the chain (a "
                    + "client that never got its answer knows only this one); events chained before 2026-12-06 have none")
            @RequestParam(required = false) String clientCorrelationId,
            @Parameter(description = "Only events chained after the event at this position (the previous page's `next`)") @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestHeader(value = "Accept", required = false) String accept,
            jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuseEmpty(request);
        // a filter value that names nothing there could be is refused, not answered as an empty log
        if (type != null && !type.matches("[A-Za-z][A-Za-z0-9]*"))
            refuse("type", "is an event type's name, such as OrderPlaced: " + whyNotAName(type));
        // any case of either spelling names the type: ORDER found nothing before 2026-12-07 (walkthrough)
        if (aggregateType != null && !aggregateTypes.types().isEmpty())
            aggregateType = aggregateTypes.resolve(aggregateType).storedName();
        // who: a user's id, or what the log records for nobody signed in and for the platform's own schedules
        if (userId != null && !userId.matches(dev.stoa.api.platform.Ids.UUID_PATTERN) && !NOT_A_USER.contains(userId))
            refuse("userId", "has an invalid value (expected a UUID, `anonymous` or `system`)");
        // the platform's correlation ids are UUIDs: another value would read as an empty log (it did before 2026-12-07)
        // the export streams every matching entry: a limit was checked and then ignored (before 2026-12-07)
        if (wantsNdjson(accept) && request.getParameter("limit") != null)
            refuse("limit", "is for pages of JSON: the NDJSON export streams every matching entry after `after` "
                    + "(narrow it with the filters, or read pages as JSON)");
        if (correlationId != null && !correlationId.matches(dev.stoa.api.platform.Ids.UUID_PATTERN))
            refuse("correlationId", "has an invalid value (expected a UUID: the platform's correlation ids are; a "
                    + "client's own X-Correlation-Id is clientCorrelationId)");
        Instant[] range = InstantParam.range(from, to); // a date as to ends with its day
        Instant since = range[0], until = range[1];
        AuditFilter filter = new AuditFilter(aggregateType, AuditFilter.storedId(aggregateId), type, since, until,
                AuditFilter.storedId(correlationId), AuditFilter.storedId(userId), clientCorrelationId);
        String consistency = awaitChain();
        // after the wait: a type of the log's only (another writer's) counts once its first event is chained
        if (type != null && !eventTypes.known(type))
            refuse("type", eventTypes.sameButCase(type).map(t -> "is no event type; did you mean " + t + "? (case counts)")
                    .orElse("is no event type of the platform's, nor of the log's (the README's event catalogue lists them)"));
        if (wantsNdjson(accept)) {
            response.setHeader(ReadYourWritesFilter.CONSISTENCY_HEADER, consistency);
            response.setContentType(NDJSON);
            OutputStream out = response.getOutputStream();
            events.export(filter, after, page -> {
                try {
                    for (AuditEntry entry : page.items()) line(out, entry);
                    out.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return null;
        }
        return ResponseEntity.ok().header(ReadYourWritesFilter.CONSISTENCY_HEADER, consistency).body(events.page(filter, after, limit));
    }

    @GetMapping("/{aggregateType}/{aggregateId}/history")
    @Operation(operationId = "getAggregateHistory", summary = "Every event of one aggregate with who, when and why "
            + "(auditor, admin)", description = "Each event's cause: the command (and the request that sent it) or the "
            + "event a saga or policy reacted to. Orders and enrollments add a readable timeline with the payments, "
            + "refunds, grants and revocations that name them (with the first page). Paged: pass the answer's `next` "
            + "as `after` for the next page; `next` is null on the last. 404 when the log holds no event of that aggregate.")
    ResponseEntity<AggregateHistory> history(@PathVariable String aggregateType, @PathVariable String aggregateId,
            @Parameter(description = "Only the events after the one at this position (the previous page's `next`); "
                    + "none: from the aggregate's first event") @RequestParam(required = false) @Min(0) Long after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            jakarta.servlet.http.HttpServletRequest request) {
        refuseEmpty(request);
        // a type there is none of: 404 unknown_aggregate_type, as the state read answers it (it was not_found here)
        // any case of either spelling names the type (ORDER was 404 "no event of it" before 2026-12-07)
        String type = aggregateTypes.types().isEmpty() ? aggregateType : aggregateTypes.resolve(aggregateType).storedName();
        String consistency = awaitChain();
        return ResponseEntity.ok().header(ReadYourWritesFilter.CONSISTENCY_HEADER, consistency)
                .body(histories.of(type, AuditFilter.storedId(aggregateId), after, limit));
    }

    @GetMapping(value = "/integrity", produces = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    @Operation(operationId = "verifyIntegrity", summary = "Verifies the hash chain over the stored events (auditor, admin)",
            description = "Recomputes every link between `from` and `to` (positions; the whole chain by default) "
                    + "against the events as stored and answers the first position where it breaks and why (`altered`, "
                    + "`removed`, `reordered`, `replaced`, `inserted`, `link-removed`). With `Accept: "
                    + "application/x-ndjson`, progress lines (`{\"progress\":...}`) come about every second before the report.")
    @ApiResponse(responseCode = "200", description = "The report (a broken chain is a finding, not an error)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = IntegrityReport.class)),
            // each line one of the two: progress lines, then the report (before 2026-12-07 typed as the report alone)
            @Content(mediaType = NDJSON, schema = @Schema(oneOf = {IntegrityReport.ProgressLine.class, IntegrityReport.class}))})
    ResponseEntity<IntegrityReport> integrity(@RequestParam(required = false) @Min(0) Long from,
                                              @RequestParam(required = false) @Min(0) Long to,
                                              @RequestHeader(value = "Accept", required = false) String accept,
                                              jakarta.servlet.http.HttpServletRequest request,
                                              HttpServletResponse response) throws IOException {
        refuseEmpty(request);
        if (from != null && to != null && from > to) throw DomainException.badInput("from must not be after to");
        String consistency = awaitChain();
        if (wantsNdjson(accept)) {
            response.setHeader(ReadYourWritesFilter.CONSISTENCY_HEADER, consistency);
            response.setContentType(NDJSON);
            OutputStream out = response.getOutputStream();
            IntegrityReport report = verifier.verify(from, to, progress -> {
                try {
                    line(out, new IntegrityReport.ProgressLine(progress));
                    out.flush();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            line(out, report);
            out.flush();
            return null;
        }
        return ResponseEntity.ok().header(ReadYourWritesFilter.CONSISTENCY_HEADER, consistency)
                .body(verifier.verify(from, to, progress -> {}));
    }

    /** Waits, bounded, until the audit log has chained every event stored now: consistent, or pending. */
    private String awaitChain() {
        try {
            return gate.awaitProcessor(AuditLog.PROCESSOR, store.head(), wait) ? "consistent" : "pending";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "pending";
        }
    }

    private void line(OutputStream out, Object value) throws IOException {
        JsonGenerator generator = mapper.getFactory().createGenerator(out);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        mapper.writeValue(generator, value);
        out.write('\n');
    }

    /**
     * Whether the client prefers NDJSON to JSON, by RFC 9110's rules: each type's quality is that of the most specific
     * range that matches it, and NDJSON wins when its quality is above JSON's, or as high when the client names it (a
     * client that names NDJSON beside {@code *}{@code /*} means it; {@code *}{@code /*} alone is JSON). Before 2026-12-07 (later) any mention of NDJSON won, so
     * {@code application/json, application/x-ndjson;q=0.1} streamed NDJSON, and was refused its {@code limit}
     * (walkthrough Z11).
     */
    static boolean wantsNdjson(String accept) {
        if (accept == null) return false;
        List<MediaType> ranges;
        try {
            ranges = MediaType.parseMediaTypes(accept);
        } catch (org.springframework.http.InvalidMediaTypeException malformed) {
            return false; // the content negotiation before the handler answers a malformed Accept
        }
        double ndjson = AcceptRanges.quality(ranges, MediaType.parseMediaType(NDJSON)),
                json = AcceptRanges.quality(ranges, MediaType.APPLICATION_JSON);
        // NDJSON weighed above JSON (application/json;q=0.2, application/*;q=0.9: walkthrough Z13), or as much when named
        return ndjson > json || ndjson > 0 && ndjson == json && accept.contains(NDJSON);
    }
}
