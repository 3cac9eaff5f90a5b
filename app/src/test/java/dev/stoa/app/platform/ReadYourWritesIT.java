package dev.stoa.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stoa.api.identity.RegisterUser;
import dev.stoa.api.identity.UserId;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.Catalog;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Read-your-writes waits only for what a write needs. With the Elasticsearch node frozen (SIGSTOP), the
 * product-search processor hangs in its bulk request: identity writes, which it does not handle, answer
 * {@code consistent} without it, catalog writes answer {@code pending} within the bound, and once the node
 * runs again search catches up. The gate's own decisions are read from its {@code stoa.read-your-writes} counts.
 */
class ReadYourWritesIT extends ApiTest {
    private static final Path ES_PID = Path.of("target/it-data/elasticsearch/es.pid"); // the shared embedded node
    private static final String PASSWORD = "correct horse 42";
    private static final String SEARCH = "product-search";
    @Autowired
    CommandGateway commands;
    @Autowired
    MeterRegistry meters;

    @Test
    void identityWritesNeverWaitForAFrozenSearchIndex() throws Exception {
        String vendor = tokenFor("vendor");
        UserId user = UserId.random();
        String email = unique("frozen") + "@example.org";
        commands.sendAndWait(new RegisterUser(user, email, new BCryptPasswordEncoder().encode(PASSWORD), "Ada", "Lovelace",
                null, Set.of("customer"), true));
        String token = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null)
                .body().get("accessToken").asText();
        String tag = unique("ice").substring(4);
        String pid = Files.readString(ES_PID).trim();

        signal("STOP", pid);
        Api.Response product;
        try {
            product = api.post("/api/v1/products", Catalog.product("ICE-" + tag, "Frozen Kettle " + tag, 2_500, null, "Ice"), vendor);
            assertThat(product.status()).as(product.toString()).isEqualTo(201);
            assertThat(product.header("X-Stoa-Consistency")).isEqualTo("pending");

            double searchDecisions = decisions(SEARCH);
            double userReadModelConsistent = count("user-read-model", "consistent");
            Api.Response profile = api.json("PATCH", "/api/v1/users/me", Map.of("firstName", "Grace"), token, Map.of());
            assertThat(profile.status()).as(profile.toString()).isEqualTo(204);
            assertThat(profile.header("X-Stoa-Consistency")).isEqualTo("consistent");
            Api.Response address = api.post("/api/v1/users/" + user.value() + "/addresses", Map.of("label", "home",
                    "streetLine1", "1 Frost Lane", "city", "Oslo", "state", "Oslo", "postalCode", "0150", "countryCode", "NO",
                    "isDefault", true), token);
            assertThat(address.status()).as(address.toString()).isEqualTo(201);
            assertThat(address.header("X-Stoa-Consistency")).isEqualTo("consistent");
            Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.header("X-Stoa-Consistency")).isEqualTo("consistent");
            // the gate waited for the user read model and never asked the search index
            assertThat(decisions(SEARCH)).isEqualTo(searchDecisions);
            assertThat(count("user-read-model", "consistent")).isGreaterThanOrEqualTo(userReadModelConsistent + 3);
            assertThat(api.get("/api/v1/users/me", token).body().get("firstName").asText()).isEqualTo("Grace");

            Api.Response another = api.post("/api/v1/products", Catalog.product("ICE2-" + tag, "Frozen Lamp " + tag, 900, null, "Ice"), vendor);
            assertThat(another.status()).isEqualTo(201);
            assertThat(another.header("X-Stoa-Consistency")).isEqualTo("pending");
            assertThat(decisions(SEARCH)).isEqualTo(searchDecisions + 1); // pending, or unavailable if it gave up
        } finally {
            signal("CONT", pid); // always: every other test shares this node
        }

        // search catches up: the product written while the node was frozen is found
        String position = product.header("X-Stoa-Position");
        long found = 0;
        for (int i = 0; i < 120 && found == 0; i++) {
            Api.Response search = api.send("GET", "/api/v1/search?q=frozen%20kettle%20" + tag, null, null, null,
                    Map.of("X-Stoa-Min-Position", position));
            found = search.body().get("total").asLong();
        }
        assertThat(found).isEqualTo(1);
    }

    private static void signal(String signal, String pid) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start().waitFor();
        assertThat(exit).as("kill -" + signal + " " + pid).isZero();
    }

    /** Every decision the gate took about one processor: consistent, pending or unavailable. */
    private double decisions(String processor) {
        return meters.find("stoa.read-your-writes").tag("processor", processor).timers().stream().mapToDouble(Timer::count).sum();
    }

    private double count(String processor, String outcome) {
        Timer timer = meters.find("stoa.read-your-writes").tag("processor", processor).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
