package dev.stoa.projection.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which failed bulk items are the documents' own (noted, then written in their events' handlers) and which are not. */
class RefusedDocumentsTest {
    private static BulkResponseItem item(String id, int status, String type) {
        return BulkResponseItem.of(b -> {
            b.operationType(OperationType.Index).index("products").id(id).status(status);
            if (type != null) b.error(e -> e.type(type).reason("because"));
            return b;
        });
    }

    @Test
    void aDocumentsOwnRefusal_isNoted_aVersionConflictIsNone_anOutageFailsTheBatchAsAWhole() {
        RefusedDocuments.check("search index", List.of(item("a", 201, null), item("b", 409, "version_conflict_engine_exception")));

        RefusedDocuments notes = new RefusedDocuments();
        assertThatThrownBy(() -> notes.flush(() -> RefusedDocuments.check("search index",
                List.of(item("a", 201, null), item("b", 400, "document_parsing_exception")))))
                .isInstanceOf(RefusedDocuments.Refused.class).hasMessageContaining("b (400 document_parsing_exception: because)");
        assertThat(notes.suspect("b")).isTrue();
        assertThat(notes.suspect("a")).isFalse();
        notes.cleared("b");
        assertThat(notes.suspect("b")).isFalse();

        for (int status : new int[] {429, 503}) {
            assertThatThrownBy(() -> notes.flush(() -> RefusedDocuments.check("search index",
                    List.of(item("b", 400, "mapper_parsing_exception"), item("c", status, "es_rejected_execution_exception")))))
                    .isNotInstanceOf(RefusedDocuments.Refused.class).isInstanceOf(IllegalStateException.class);
        }
        assertThat(notes.suspect("b")).as("a batch that failed for another cause notes nothing").isFalse();
    }
}
