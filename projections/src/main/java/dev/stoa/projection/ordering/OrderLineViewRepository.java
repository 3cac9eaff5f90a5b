package dev.stoa.projection.ordering;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrderLineViewRepository extends JpaRepository<OrderLineEntity, OrderLineEntity.Key> {
    List<OrderLineEntity> findByOrderIdOrderByLineNo(String orderId);

    List<OrderLineEntity> findByOrderIdInOrderByOrderIdAscLineNoAsc(Collection<String> orderIds);
}
