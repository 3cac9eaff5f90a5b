package dev.stoa.projection.ordering;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrderHistoryViewRepository extends JpaRepository<OrderHistoryEntity, OrderHistoryEntity.Key> {
    List<OrderHistoryEntity> findByOrderIdOrderBySeq(String orderId);

    List<OrderHistoryEntity> findByOrderIdInOrderByOrderIdAscSeqAsc(Collection<String> orderIds);
}
