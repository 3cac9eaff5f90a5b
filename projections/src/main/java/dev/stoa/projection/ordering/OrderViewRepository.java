package dev.stoa.projection.ordering;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrderViewRepository extends JpaRepository<OrderEntity, String>, JpaSpecificationExecutor<OrderEntity> {
    /**
     * The order's row, locked until the transaction ends ({@code FOR UPDATE}): the projection's segments handle an
     * order's events and its buyer's erasure on different threads, and each writes the whole row back.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from OrderEntity o where o.id = :id")
    Optional<OrderEntity> lockById(@Param("id") String id);

    /** The buyer's orders, locked as {@link #lockById}, in one order (by id) whoever locks several. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<OrderEntity> findByBuyerIdOrderById(String buyerId);
}
