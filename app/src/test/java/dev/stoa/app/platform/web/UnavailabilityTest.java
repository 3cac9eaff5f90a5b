package dev.stoa.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A search Elasticsearch cannot serve now is a 503 to retry, not a 500 (it was one during a rebuild's switch). */
class UnavailabilityTest {
    private static ElasticsearchException es(int status, String type) {
        return new ElasticsearchException("search", ErrorResponse.of(r -> r.status(status)
                .error(e -> e.type(type).reason("all shards failed"))));
    }

    @Test
    void elasticsearchThatCannotServeNow_orCannotBeReached_isUnavailable_aBadQueryIsNot() {
        assertThat(Unavailability.isUnavailable(new CompletionException(es(503, "no_shard_available_action_exception")))).isTrue();
        assertThat(Unavailability.isUnavailable(es(429, "es_rejected_execution_exception"))).isTrue();
        assertThat(Unavailability.isUnavailable(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
        assertThat(Unavailability.isUnavailable(es(400, "parsing_exception"))).isFalse();
        assertThat(Unavailability.isUnavailable(new IllegalStateException("a bug"))).isFalse();
    }
}
