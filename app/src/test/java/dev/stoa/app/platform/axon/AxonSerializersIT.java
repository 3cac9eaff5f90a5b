package dev.stoa.app.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stoa.app.support.ApiTest;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Axon stores is written by its own mapper: the web API's strictness (here {@code accept-float-as-int: false})
 * never reaches the events, snapshots or tokens.
 */
class AxonSerializersIT extends ApiTest {
    @Autowired Configuration axon;
    @Autowired ObjectMapper web;

    @Test
    void eventsSnapshotsAndMessagesUseTheDedicatedMapperNotTheWebOne() {
        assertThat(web.isEnabled(DeserializationFeature.ACCEPT_FLOAT_AS_INT)).as("the API refuses 19.99 for cents").isFalse();
        for (var serializer : new Object[] {axon.serializer(), axon.eventSerializer(), axon.messageSerializer()}) {
            ObjectMapper mapper = ((JacksonSerializer) serializer).getObjectMapper();
            assertThat(mapper).isNotSameAs(web);
            assertThat(mapper.isEnabled(DeserializationFeature.ACCEPT_FLOAT_AS_INT)).isTrue();
            assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
        }
    }
}
