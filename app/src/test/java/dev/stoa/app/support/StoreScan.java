package dev.stoa.app.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Searches the WHOLE store for a value in clear: every text, JSON and bytea column of every table in the
 * database (the event store, tokens, dead letters, sagas, read models, outbox, idempotency records, keys, ...)
 * and every document of every Elasticsearch index. Not a hand-picked list of columns: a table added tomorrow is
 * searched too. A value is matched as a whole word (not inside a longer run of letters or digits), so a 6-digit
 * code is not "found" inside some longer number.
 */
public final class StoreScan {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final JdbcTemplate jdbc;
    private final String elasticsearch;

    public StoreScan(JdbcTemplate jdbc, String elasticsearchUri) {
        this.jdbc = jdbc;
        this.elasticsearch = elasticsearchUri;
    }

    /** Where {@code value} rests in clear: "table.column (n rows)" and "es:index", empty when nowhere. */
    public List<String> find(String value) {
        List<String> found = new ArrayList<>();
        String regex = "(^|[^A-Za-z0-9])" + value.replaceAll("([^A-Za-z0-9])", "\\\\$1") + "($|[^A-Za-z0-9])";
        for (var column : jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = current_schema() and data_type in ('text', 'character varying', 'bytea', 'json', 'jsonb')
                order by table_name, column_name""")) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String text = "bytea".equals(column.get("data_type")) ? "encode(\"" + name + "\", 'escape')" : "\"" + name + "\"::text";
            Long rows = jdbc.queryForObject("select count(*) from \"" + table + "\" where " + text + " ~* ?", Long.class, regex);
            if (rows != null && rows > 0) found.add(table + "." + name + " (" + rows + " rows)");
        }
        if (elasticsearch != null) found.addAll(inSearchIndex(value));
        return found;
    }

    private List<String> inSearchIndex(String value) {
        List<String> found = new ArrayList<>();
        String indices = get("/_cat/indices?h=index");
        for (String index : indices.split("\\s+")) {
            if (index.isBlank() || index.startsWith(".")) continue;
            String all = get("/" + index + "/_search?size=10000&q=*:*");
            if (word(value).matcher(all).find()) found.add("es:" + index);
        }
        return found;
    }

    private static Pattern word(String value) {
        return Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(value) + "(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE);
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(elasticsearch + path)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) throw new IllegalStateException(path + " answered " + response.statusCode());
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
