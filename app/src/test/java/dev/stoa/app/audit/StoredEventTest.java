package dev.stoa.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The link of the hash chain: every stored field counts, and no two different events hash alike. */
class StoredEventTest {
    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    private static final StoredEvent EVENT = new StoredEvent(42, "e-1", "Order", "o-1", 3, "2026-12-02T10:00:00.123Z",
            "dev.stoa.api.ordering.OrderPlaced", "1", utf8("{\"orderId\":\"o-1\"}"), utf8("{\"userId\":\"u-1\"}"));

    @Test
    void theSameEventAfterTheSameLink_hashesAlike_andEachFieldAndThePreviousLinkCount() {
        byte[] link = EVENT.link(StoredEvent.GENESIS);
        assertThat(link).hasSize(32).isEqualTo(EVENT.link(StoredEvent.GENESIS.clone()));
        List<StoredEvent> changed = List.of(
                new StoredEvent(43, "e-1", "Order", "o-1", 3, EVENT.timestamp(), EVENT.payloadType(), "1", EVENT.payload(), EVENT.metadata()),
                new StoredEvent(42, "e-2", "Order", "o-1", 3, EVENT.timestamp(), EVENT.payloadType(), "1", EVENT.payload(), EVENT.metadata()),
                new StoredEvent(42, "e-1", "Wallet", "o-1", 3, EVENT.timestamp(), EVENT.payloadType(), "1", EVENT.payload(), EVENT.metadata()),
                new StoredEvent(42, "e-1", "Order", "o-2", 3, EVENT.timestamp(), EVENT.payloadType(), "1", EVENT.payload(), EVENT.metadata()),
                new StoredEvent(42, "e-1", "Order", "o-1", 4, EVENT.timestamp(), EVENT.payloadType(), "1", EVENT.payload(), EVENT.metadata()),
                new StoredEvent(42, "e-1", "Order", "o-1", 3, "2026-12-02T10:00:00.124Z", EVENT.payloadType(), "1", EVENT.payload(), EVENT.metadata()),
                new StoredEvent(42, "e-1", "Order", "o-1", 3, EVENT.timestamp(), "x.OrderPlaced", "1", EVENT.payload(), EVENT.metadata()),
                new StoredEvent(42, "e-1", "Order", "o-1", 3, EVENT.timestamp(), EVENT.payloadType(), "2", EVENT.payload(), EVENT.metadata()),
                new StoredEvent(42, "e-1", "Order", "o-1", 3, EVENT.timestamp(), EVENT.payloadType(), null, EVENT.payload(), EVENT.metadata()),
                new StoredEvent(42, "e-1", "Order", "o-1", 3, EVENT.timestamp(), EVENT.payloadType(), "1", utf8("{\"orderId\":\"o-2\"}"), EVENT.metadata()),
                new StoredEvent(42, "e-1", "Order", "o-1", 3, EVENT.timestamp(), EVENT.payloadType(), "1", EVENT.payload(), utf8("{\"userId\":\"u-2\"}")),
                new StoredEvent(42, "e-1", "Order", "o-1", 3, EVENT.timestamp(), EVENT.payloadType(), "1", EVENT.payload(), null));
        Set<String> links = new HashSet<>();
        links.add(java.util.HexFormat.of().formatHex(link));
        for (StoredEvent e : changed) links.add(java.util.HexFormat.of().formatHex(e.link(StoredEvent.GENESIS)));
        assertThat(links).as("each change gives another link").hasSize(changed.size() + 1);
        assertThat(EVENT.link(link)).as("the previous link counts").isNotEqualTo(link);
    }

    @Test
    void bytesMovedFromTheEndOfOneFieldToTheStartOfTheNext_changeTheLink() {
        StoredEvent a = new StoredEvent(1, "e", "T", "a", 0, "t", "p", "1", utf8("ab"), utf8("c"));
        StoredEvent b = new StoredEvent(1, "e", "T", "a", 0, "t", "p", "1", utf8("a"), utf8("bc"));
        StoredEvent c = new StoredEvent(1, "e", "T", "ab", 0, "t", "p", "1", utf8("ab"), utf8("c"));
        StoredEvent d = new StoredEvent(1, "e", "Ta", "b", 0, "t", "p", "1", utf8("ab"), utf8("c"));
        assertThat(a.link(StoredEvent.GENESIS)).isNotEqualTo(b.link(StoredEvent.GENESIS));
        assertThat(c.link(StoredEvent.GENESIS)).isNotEqualTo(d.link(StoredEvent.GENESIS));
    }

    @Test
    void aggregateTypesReadKebabCaseInTheApi_andEitherFormFilters() {
        assertThat(AuditFilter.apiType("OrderRefunds")).isEqualTo("order-refunds");
        assertThat(AuditFilter.apiType("Order")).isEqualTo("order");
        assertThat(AuditFilter.storedType("order-refunds")).isEqualTo("OrderRefunds");
        assertThat(AuditFilter.storedType("OrderRefunds")).isEqualTo("OrderRefunds");
        assertThat(AuditFilter.storedType("user-account")).isEqualTo("UserAccount");
        assertThat(AuditFilter.storedType(" ")).isNull();
    }

    @Test
    void timelineKinds() {
        assertThat(Timelines.kind("OrderPlaced")).isEqualTo("status");
        assertThat(Timelines.kind("OrderLinesShipped")).isEqualTo("fulfilment");
        assertThat(Timelines.kind("StockReserved")).isEqualTo("stock");
        assertThat(Timelines.kind("PaymentCaptured")).isEqualTo("payment");
        assertThat(Timelines.kind("WalletDebited")).isEqualTo("payment");
        assertThat(Timelines.kind("PaymentRefunded")).isEqualTo("refund");
        assertThat(Timelines.kind("WalletRefunded")).isEqualTo("refund");
        assertThat(Timelines.kind("ProductReturnOpened")).isEqualTo("refund");
        assertThat(Timelines.kind("EnrollmentGranted")).isEqualTo("grant");
        assertThat(Timelines.kind("EnrollmentRevoked")).isEqualTo("revocation");
        assertThat(Timelines.kind("LessonCompleted")).isEqualTo("progress");
        assertThat(Timelines.kind("CourseCompleted")).isEqualTo("progress");
        assertThat(Timelines.sentence("OrderConfirmed")).isEqualTo("Order confirmed");
    }
}
