package dev.stoa.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rebuilds through the admin API: start one, wait for it to finish, read a processor's entry in the listing. */
public final class Rebuilds {
    private final Api api;
    private final String admin;

    public Rebuilds(Api api, String admin) {
        this.api = api;
        this.admin = admin;
    }

    /** Starts a rebuild (202) and waits until the listing shows it done. */
    public JsonNode run(String processor) {
        Api.Response started = api.post("/api/v1/admin/projections/" + processor + "/replay", null, admin);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.body().get("status").asText()).isIn("running", "switching", "done");
        JsonNode[] last = new JsonNode[1];
        Await.until(() -> {
            last[0] = entry(processor);
            String status = last[0].path("rebuild").path("status").asText();
            return status.equals("done") || status.equals("failed");
        }, Duration.ofSeconds(120), processor + " rebuilt (last: " + last[0] + ")");
        assertThat(last[0].get("rebuild").get("status").asText()).as(last[0].toString()).isEqualTo("done");
        return last[0];
    }

    /** Every row of the tables, as text, sorted: what a read model holds, to compare before and after a rebuild. */
    public static List<String> rows(JdbcTemplate jdbc, List<String> tables) {
        List<String> rows = new ArrayList<>();
        for (String table : tables)
            rows.addAll(jdbc.queryForList("select '" + table + ":' || t::text from " + table + " t order by 1", String.class));
        return rows;
    }

    public JsonNode entry(String processor) {
        Api.Response list = api.get("/api/v1/admin/projections", admin);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.body().get("total").asInt()).isEqualTo(list.body().get("items").size());
        for (JsonNode p : list.body().get("items")) if (p.get("name").asText().equals(processor)) return p;
        throw new AssertionError("no " + processor + " in " + list);
    }
}
