package dev.stoa.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Catalog;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.util.unit.DataSize;

/**
 * The running server writes through a 16 KB socket buffer (stoa.http.socket-write-buffer), and an answer larger than
 * Tomcat's own 8 KB, kept and then served again from the kept bytes, arrives whole both times.
 */
class SocketWriteBufferIT extends ApiTest {
    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void theConnectorWritesThroughTheConfiguredBuffer() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        assertThat(server.getTomcat().getConnector().getProperty("socket.appWriteBufSize")).hasToString("16384");
    }

    @Test
    void aListPageLargerThanEightKilobytesArrivesWholeFromTheHandlerAndFromWhatWasKept() {
        String vendor = tokenAs(UUID.randomUUID().toString(), "vendor");
        String brand = "Wbuf" + unique("b").substring(2);
        Catalog catalog = new Catalog(api);
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> product = Catalog.product(brand + "-" + i, "Buffered lamp " + i, 1_000 + i, null, brand);
            product.put("description", ("lamp " + i + " ").repeat(120)); // about 1 KB each
            created.add(catalog.create(vendor, product));
        }
        String path = "/api/v1/products?brand=" + brand + "&sort=price&limit=20";
        Api.Response fromHandler = api.get(path);
        Api.Response fromKept = api.get(path);
        for (Api.Response answer : new Api.Response[] {fromHandler, fromKept}) {
            assertThat(answer.status()).isEqualTo(200);
            int length = answer.raw().getBytes(StandardCharsets.UTF_8).length;
            assertThat(length).isGreaterThan(12_000); // more than Tomcat's own buffer holds
            assertThat(answer.header("Content-Length")).isEqualTo(Integer.toString(length));
            JsonNode items = answer.body().get("items");
            assertThat(items).hasSize(12);
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < 12; i++) {
                JsonNode item = items.get(i);
                ids.add(item.get("id").asText());
                assertThat(item.get("priceCents").asLong()).isEqualTo(1_000 + i);
                assertThat(item.get("description").asText()).isEqualTo(("lamp " + i + " ").repeat(120));
            }
            assertThat(ids).isEqualTo(created);
        }
        assertThat(fromKept.raw()).isEqualTo(fromHandler.raw());
        assertThat(fromKept.header("ETag")).isEqualTo(fromHandler.header("ETag"));
    }

    @Test
    void aBufferOutsideItsBoundsStopsTheStart() {
        SocketWriteBufferConfiguration configuration = new SocketWriteBufferConfiguration();
        assertThatThrownBy(() -> configuration.socketWriteBuffer(DataSize.ofKilobytes(4)))
                .hasMessageContaining("stoa.http.socket-write-buffer");
        assertThatThrownBy(() -> configuration.socketWriteBuffer(DataSize.ofMegabytes(2)))
                .hasMessageContaining("stoa.http.socket-write-buffer");
    }
}
