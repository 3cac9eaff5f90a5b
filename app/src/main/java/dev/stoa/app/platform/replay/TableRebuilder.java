package dev.stoa.app.platform.replay;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds PostgreSQL read models ({@link RebuildRunner}): the processor's tables are copied, empty, into the schema
 * {@code rebuild_<processor>} ({@code like ... including all}: columns, defaults, indexes, constraints), the
 * projection's own handlers fill them, and one transaction moves the live tables out of {@code public}, the new ones
 * in, and the processor's tokens to where the replay stopped.
 */
@Component
public class TableRebuilder implements ReadModelRebuilder {
    private static final Logger log = LoggerFactory.getLogger(TableRebuilder.class);
    private final ProjectionBeans beans;
    private final RebuildRunner runner;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectProvider<TokenStore> tokenStore;

    public TableRebuilder(ProjectionBeans beans, RebuildRunner runner, JdbcTemplate jdbc,
                          PlatformTransactionManager transactionManager, ObjectProvider<TokenStore> tokenStore) {
        this.beans = beans;
        this.runner = runner;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.tokenStore = tokenStore;
    }

    @Override
    public boolean rebuilds(String processor) {
        return beans.of(processor).tableReadModel() && runner.live(processor).isPresent();
    }

    @Override
    public RebuildProgress start(String processor) {
        ProjectionBeans.Group group = beans.of(processor);
        String schema = "rebuild_" + processor.replace('-', '_');
        return runner.start(processor, new Tables(processor, group, schema, List.copyOf(group.tables())));
    }

    @Override
    public Optional<RebuildProgress> progress(String processor) { return runner.progress(processor); }

    private final class Tables implements RebuildRunner.Target {
        private final String processor;
        private final ProjectionBeans.Group group;
        private final String schema;
        private final List<String> tables;

        Tables(String processor, ProjectionBeans.Group group, String schema, List<String> tables) {
            this.processor = processor;
            this.group = group;
            this.schema = schema;
            this.tables = tables;
        }

        @Override public ProjectionBeans.Group handlers() { return group; }

        @Override public String schema() { return schema; }

        @Override
        public void prepare() {
            jdbc.execute("drop schema if exists " + schema + " cascade");
            jdbc.execute("create schema " + schema);
            TableCopies.createEmpty(jdbc, schema, tables);
            log.info("Rebuild of {}: tables {} created empty in schema {}", processor, tables, schema);
        }

        /**
         * The new tables made crash-safe (written to the write-ahead log whole, once) and analysed for the planner,
         * while the live ones still serve.
         */
        @Override
        public void caughtUp() {
            long started = System.nanoTime();
            for (String table : tables) jdbc.execute("alter table " + schema + "." + table + " set logged");
            TableCopies.analyze(jdbc, schema, tables);
            log.info("Rebuild of {}: tables logged and analysed in {} ms", processor, (System.nanoTime() - started) / 1_000_000);
        }

        /**
         * One transaction: the live tables move to {@code <schema>_old}, the rebuilt ones (autovacuum on again) to
         * {@code public}, the tokens to the replay's. It locks every table first and gives up after a short wait, so
         * that a reader holding one of them never deadlocks with it: the swap, not the reader, is retried.
         */
        @Override
        public void switchOver(TrackingToken token) throws InterruptedException {
            String old = schema + "_old";
            String lockList = String.join(", ", tables.stream().map(t -> "public." + t).toList());
            for (int attempt = 1; ; attempt++) {
                try {
                    transactions.executeWithoutResult(status -> {
                        jdbc.execute("set local lock_timeout = '500ms'");
                        jdbc.execute("lock table " + lockList + " in access exclusive mode");
                        jdbc.execute("drop schema if exists " + old + " cascade");
                        jdbc.execute("create schema " + old);
                        for (String table : tables) {
                            jdbc.execute("alter table " + schema + "." + table + " reset (autovacuum_enabled)");
                            jdbc.execute("alter table public." + table + " set schema " + old);
                            jdbc.execute("alter table " + schema + "." + table + " set schema public");
                        }
                        RebuildRunner.moveTokens(tokenStore.getObject(), processor, token);
                    });
                    return;
                } catch (DataAccessException e) {
                    if (attempt >= 40) throw e;
                    log.debug("Rebuild of {}: swap attempt {} waited too long for a lock; again", processor, attempt, e);
                    Thread.sleep(50L * Math.min(attempt, 10));
                }
            }
        }

        @Override
        public void cleanUp() {
            dropQuietly(schema);
            dropQuietly(schema + "_old");
        }
    }

    private void dropQuietly(String schema) {
        try {
            jdbc.execute("drop schema if exists " + schema + " cascade");
        } catch (DataAccessException e) {
            log.warn("Could not drop schema {}: {}", schema, e.getMessage());
        }
    }
}
