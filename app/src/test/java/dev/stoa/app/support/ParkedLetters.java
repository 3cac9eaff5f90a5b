package dev.stoa.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The dead letters of one sequence as an admin sees them under {@code /api/v1/admin/dead-letters}. */
public final class ParkedLetters {
    private final Api api;
    private final String admin;

    public ParkedLetters(Api api, String admin) {
        this.api = api;
        this.admin = admin;
    }

    /** The sequence's letters in the processor's queue, in order. */
    public List<JsonNode> of(String processor, String sequenceId) {
        Api.Response r = api.get("/api/v1/admin/dead-letters?processor=" + processor + "&limit=100", admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.body().get("items").forEach(l -> { if (l.get("sequenceId").asText().equals(sequenceId)) items.add(l); });
        return items;
    }

    /** The payload types of {@link #of}. */
    public List<String> types(String processor, String sequenceId) {
        return of(processor, sequenceId).stream().map(l -> l.get("type").asText()).toList();
    }

    /**
     * Waits (bounded, without failing) until each of {@code refusing} has parked the sequence's event, then evicts the
     * sequence's letters there and in {@code others}. A read model that refuses a test's poison retries its batch before
     * it parks the event; evicted before that, the letter came back after the test, and the processor lagged meanwhile,
     * so that the next test class read stale rows.
     */
    public void awaitAndEvict(String sequenceId, java.util.List<String> refusing, String... others) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        for (String processor : refusing)
            while (of(processor, sequenceId).isEmpty() && System.nanoTime() < deadline) Await.pause(java.time.Duration.ofMillis(200));
        evict(sequenceId, refusing.toArray(String[]::new));
        evict(sequenceId, others);
    }

    /** Evicts the sequence's letters in each processor, so that no other test finds them. */
    public void evict(String sequenceId, String... processors) {
        for (String processor : processors)
            for (JsonNode letter : of(processor, sequenceId))
                api.delete("/api/v1/admin/dead-letters/" + letter.get("id").asText(), admin);
    }
}
