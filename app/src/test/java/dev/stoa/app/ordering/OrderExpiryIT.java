package dev.stoa.app.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.api.ordering.ConfirmOrder;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.app.StoaApplication;
import dev.stoa.app.embedded.EmbeddedRuntime;
import dev.stoa.app.platform.security.TokenMinter;
import dev.stoa.app.support.Api;
import dev.stoa.app.support.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Unpaid orders expire after {@code stoa.orders.payment-hold} (4 s here): a pending one is cancelled with reason
 * {@code expired}, a paid one is not; and a hold that runs out while the platform is down expires after it is back.
 */
class OrderExpiryIT {
    private static final Path DATA = Path.of("target/order-expiry-data");

    @AfterAll
    static void stopServers() { EmbeddedRuntime.forDataDir(DATA).stop(); }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StoaApplication.class).profiles("test")
                .run("--stoa.data-dir=" + DATA, "--server.port=0", "--stoa.orders.payment-hold=4s",
                        "--stoa.orders.hold-check-interval=1s");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void aPendingOrderExpiresAfterItsHold_aPaidOneDoesNot_alsoAcrossARestart() {
        dev.stoa.app.support.Files.deleteRecursively(DATA);
        String buyer = UUID.randomUUID().toString();
        String vendor = UUID.randomUUID().toString();
        ConfigurableApplicationContext first = start();
        OrderId beforeRestart;
        try {
            Api api = api(first);
            String admin = first.getBean(TokenMinter.class).accessToken(UUID.randomUUID().toString(), List.of("admin"), Duration.ofHours(1));
            CommandGateway gateway = first.getBean(CommandGateway.class);
            OrderId unpaid = Orders.place(gateway, buyer, List.of(Orders.product(vendor, "Clock", 2_000, 1)));
            OrderId paid = Orders.place(gateway, buyer, List.of(Orders.product(vendor, "Watch", 9_000, 1)));
            gateway.sendAndWait(new ConfirmOrder(paid, "debit-" + paid));
            JsonNode pending = Orders.awaitStatus(api, unpaid, admin, "pending").body();
            Instant holdUntil = Instant.parse(pending.get("holdUntil").asText());
            assertThat(Duration.between(Instant.parse(pending.get("placedAt").asText()), holdUntil)).isBetween(
                    Duration.ofSeconds(3), Duration.ofSeconds(5));

            JsonNode expired = Orders.awaitStatus(api, unpaid, admin, "cancelled").body();
            assertThat(Instant.now()).isAfterOrEqualTo(holdUntil);
            assertThat(expired.get("cancelReason").asText()).isEqualTo("expired");
            assertThat(expired.get("history").findValuesAsText("status")).containsExactly("pending", "cancelled");
            assertThat(expired.path("holdUntil").asText()).as("no hold once cancelled").isIn("", "null");
            Await.pause(Duration.ofSeconds(5));
            JsonNode confirmed = api.get("/api/v1/orders/" + paid, admin).body();
            assertThat(confirmed.get("status").asText()).isEqualTo("confirmed");
            assertThat(confirmed.path("holdUntil").asText()).as("no hold once paid").isIn("", "null");

            beforeRestart = Orders.place(gateway, buyer, List.of(Orders.product(vendor, "Lamp", 3_000, 1)));
        } finally {
            first.close(); // down before the new order's hold runs out
        }
        EmbeddedRuntime.forDataDir(DATA).stop();
        Await.pause(Duration.ofSeconds(5));

        ConfigurableApplicationContext second = start();
        try {
            Api api = api(second);
            String admin = second.getBean(TokenMinter.class).accessToken(UUID.randomUUID().toString(), List.of("admin"), Duration.ofHours(1));
            JsonNode expired = Orders.awaitStatus(api, beforeRestart, admin, "cancelled").body();
            assertThat(expired.get("cancelReason").asText()).isEqualTo("expired");
        } finally {
            second.close();
        }
    }
}
