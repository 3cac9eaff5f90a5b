package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The published OpenAPI document is the one in the repository ({@code openapi/stoa-api.json}), which the client
 * modules generate their clients from: a change to the API shows as a change of that file, reviewed like code.
 * When they differ, this test fails; run it with {@code -Dstoa.openapi.write=true} to write the new document.
 */
class OpenApiDocumentIT extends ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void theCommittedDocumentIsTheOneServed() throws Exception {
        Api.Response served = api.get("/v3/api-docs");
        assertThat(served.status()).isEqualTo(200);
        JsonNode document = served.body();
        Path committed = dev.stoa.app.support.Repository.root().resolve("openapi/stoa-api.json");
        if (Boolean.getBoolean("stoa.openapi.write")) {
            Files.writeString(committed, JSON.writeValueAsString(JSON.treeToValue(document, Object.class)) + "\n");
        }
        assertThat(Files.exists(committed)).as("openapi/stoa-api.json exists").isTrue();
        assertThat(JSON.readTree(committed.toFile())).as("openapi/stoa-api.json is the served document; rerun with "
                + "-Dstoa.openapi.write=true to update it").isEqualTo(document);
    }
}
