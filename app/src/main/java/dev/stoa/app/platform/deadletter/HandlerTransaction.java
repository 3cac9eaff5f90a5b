package dev.stoa.app.platform.deadletter;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Statement;
import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The JPA transaction an event handler runs in (the processor's batch, or the retry of a parked letter). */
public class HandlerTransaction {
    private final EntityManagerFactory entityManagerFactory;

    public HandlerTransaction(EntityManagerFactory entityManagerFactory) { this.entityManagerFactory = entityManagerFactory; }

    /**
     * Writes what the handler changed now instead of when the batch commits, so that a row the database refuses
     * (a value too long, a constraint) fails this event's handler, which can be parked, and not the whole batch.
     */
    public void flush() {
        EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory);
        if (em != null) em.flush();
    }

    /**
     * Whether the transaction can still commit after a handler failed in it. It cannot when the failure went through
     * a Spring {@code @Transactional} proxy (a repository method: rollback-only), when JPA marked it (most
     * {@code PersistenceException}s), or when PostgreSQL aborted it (any failed statement: every later statement
     * fails until the rollback). A dead letter written in such a transaction would be lost with it.
     */
    public boolean canCommit() {
        if (!(TransactionSynchronizationManager.getResource(entityManagerFactory) instanceof EntityManagerHolder holder))
            return true; // no JPA transaction on this thread: nothing to lose
        if (holder.isRollbackOnly()) return false;
        EntityManager em = holder.getEntityManager();
        if (em.getTransaction().isActive() && em.getTransaction().getRollbackOnly()) return false;
        try { // only after a failure, so a round trip is cheap enough; raw JDBC, so nothing is flushed
            em.unwrap(Session.class).doWork(connection -> {
                try (Statement probe = connection.createStatement()) {
                    probe.execute("select 1");
                }
            });
            return true;
        } catch (RuntimeException aborted) {
            return false;
        }
    }
}
