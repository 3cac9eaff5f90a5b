package dev.stoa.app.platform.replay;

import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;

/** Empty copies of read-model tables in a schema of their own, for a replay to fill (a rebuild, an as-of read). */
final class TableCopies {
    private TableCopies() {}

    /**
     * Each table copied empty from {@code public} ({@code like ... including all}: columns, defaults, indexes,
     * constraints), unlogged and without autovacuum while a replay fills it: a replay that does not finish is thrown
     * away, autovacuum would take the CPU the replay needs, and its lock would hold up a rebuild's switch (a
     * {@code lock_timeout} shorter than {@code deadlock_timeout} never gets autovacuum cancelled).
     */
    static void createEmpty(JdbcTemplate jdbc, String schema, Collection<String> tables) {
        for (String table : tables)
            jdbc.execute("create unlogged table " + schema + "." + table + " (like public." + table + " including all)"
                    + " with (autovacuum_enabled = false)");
    }

    /** Statistics for the planner, once the replay has filled the tables. */
    static void analyze(JdbcTemplate jdbc, String schema, Collection<String> tables) {
        for (String table : tables) jdbc.execute("analyze " + schema + "." + table);
    }
}
