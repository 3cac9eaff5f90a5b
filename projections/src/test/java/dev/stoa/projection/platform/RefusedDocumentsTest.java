package dev.stoa.projection.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.util.List;
import java.util.Map;
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
                failed("a", 400, "strict_dynamic_mapping_exception", "mapping set to strict")))
            assertThatThrownBy(() -> RefusedDocuments.check("search index", List.of(failed("b", 400,
                    "document_parsing_exception", "bad"), item)))
                    .isInstanceOf(IllegalStateException.class).isNotInstanceOf(RefusedDocuments.DocumentRefused.class)
                    .hasMessageContaining("search index writes failed").hasMessageContaining(item.error().type());
    }

    @Test
    void aBatchWithARefusal_notesItsEventsAndFails() {
        RefusedDocuments refusals = new RefusedDocuments("search index");
        refusals.noteAndFail(Map.of(), id -> "never asked"); // nothing refused: nothing happens
        assertThatThrownBy(() -> refusals.noteAndFail(Map.of("b", "b (400 document_parsing_exception: bad)"),
                id -> id.equals("b") ? "event-7" : null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("parked when the batch comes again");
    }

    private static BulkResponseItem ok(String id) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Index).index("x").id(id).status(201));
    }

    private static BulkResponseItem failed(String id, int status, String type, String reason) {
        return BulkResponseItem.of(i -> i.operationType(OperationType.Index).index("x").id(id).status(status)
                .error(e -> e.type(type).reason(reason)));
    }
}
