package dev.stoa.projection.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class RefusedDocumentsTest {

    @Test
    void aDocumentsOwnRefusal_isAnswered_aVersionConflictIsNoFailure() {
        Map<String, String> refused = RefusedDocuments.check("search index", List.of(
                ok("a"), failed("b", 400, "document_parsing_exception", "[1:40] failed to parse: Illegal input [\u0000]"),
                failed("c", 409, "version_conflict_engine_exception", "current version [9] is higher"),
                failed("d", 400, "mapper_parsing_exception", "failed to parse field [priceCents]"),
                failed("e", 400, "illegal_argument_exception", "Document contains at least one immense term in field=\"brand\"")));
        assertThat(refused).containsOnlyKeys("b", "d", "e");
        assertThat(refused.get("b")).contains("400 document_parsing_exception");
    }

    /** The index's state refuses every document alike: the batch fails whole and is retried in place, never parked. */
    @Test
    void anIndexWideRefusal_failsTheBatch() {
        for (BulkResponseItem item : List.of(
                failed("a", 400, "index_closed_exception", "closed"),
                failed("a", 404, "index_not_found_exception", "no such index"),
                failed("a", 403, "cluster_block_exception", "index [x] blocked by: [read-only-allow-delete]"),
                failed("a", 400, "illegal_argument_exception", "no write index is defined for alias [stoa-products]"),
                failed("a", 429, "es_rejected_execution_exception", "rejected"),
                failed("a", 503, "unavailable_shards_exception", "primary shard is not active"),
                failed("a", 400, "strict_dynamic_mapping_exception", "mapping set to strict")))
            assertThatThrownBy(() -> RefusedDocuments.check("search index", List.of(failed("b", 400,
                    "document_parsing_exception", "bad"), item)))
                    .isInstanceOf(IllegalStateException.class).isNotInstanceOf(RefusedDocuments.DocumentRefused.class)
                    .hasMessageContaining("search index writes failed").hasMessageContaining(item.error().type());
    }

    /** The batch fails once; when it comes again, the noted event's handler throws the refusal, once: it is parked. */
    @Test
    void aBatchWithARefusal_notesItsFirstEvent_whoseHandlerThrowsWhenTheBatchComesAgain() {
        RefusedDocuments refusals = new RefusedDocuments("search index");
        EventMessage<?> blamed = GenericEventMessage.asEventMessage("first change of b");
        refusals.noteAndFail(Map.of(), id -> "never asked"); // nothing refused: nothing happens
        assertThatThrownBy(() -> refusals.noteAndFail(Map.of("b", "b (400 document_parsing_exception: bad)"),
                id -> id.equals("b") ? blamed.getIdentifier() : null))
                .isInstanceOf(IllegalStateException.class).isNotInstanceOf(RefusedDocuments.DocumentRefused.class)
                .hasMessageContaining("parks the events that changed them when the batch comes again");

        inUnitOfWorkOf(GenericEventMessage.asEventMessage("another event"), refusals::parkIfNoted); // not noted
        assertThatThrownBy(() -> inUnitOfWorkOf(blamed, refusals::parkIfNoted))
                .isInstanceOf(RefusedDocuments.DocumentRefused.class).hasMessage("search index refused b (400 document_parsing_exception: bad)");
        inUnitOfWorkOf(blamed, refusals::parkIfNoted); // once: parked now, its retry writes
    }

    /** Many documents refused at once look like the index's fault (a mapping that does not fit): retried in place. */
    @Test
    void beyondTwentyDocumentsInTenMinutes_nothingMoreIsParked_untilTheyPass() {
        MutableClock clock = new MutableClock();
        RefusedDocuments refusals = new RefusedDocuments("search index", clock);
        Map<String, String> twenty = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 20; i++) twenty.put("d" + i, "d" + i + " (400 document_parsing_exception: bad)");
        assertThatThrownBy(() -> refusals.noteAndFail(twenty, id -> "e-" + id)).hasMessageContaining("parks the events");

        EventMessage<?> next = GenericEventMessage.asEventMessage("one more");
        assertThatThrownBy(() -> refusals.noteAndFail(Map.of("x", "x (400 document_parsing_exception: bad)"),
                id -> next.getIdentifier())).hasMessageContaining("taken as a fault of the index");
        inUnitOfWorkOf(next, refusals::parkIfNoted); // not noted: its batch is retried in place

        clock.now = clock.now.plus(RefusedDocuments.WINDOW).plusSeconds(1);
        assertThatThrownBy(() -> refusals.noteAndFail(Map.of("x", "x (400 document_parsing_exception: bad)"),
                id -> next.getIdentifier())).hasMessageContaining("parks the events");
        refusals.forget(); // a reset: nothing noted applies any more
        inUnitOfWorkOf(next, refusals::parkIfNoted);
    }

    private static void inUnitOfWorkOf(EventMessage<?> event, Runnable task) {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            task.run();
        } finally {
            unitOfWork.rollback();
        }
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private static BulkResponseItem ok(String id) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Index).index("x").id(id).status(201));
    }

    private static BulkResponseItem failed(String id, int status, String type, String reason) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Index).index("x").id(id).status(status)
                .error(e -> e.type(type).reason(reason)));
    }
}
