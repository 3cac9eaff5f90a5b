package dev.stoa.projection.identity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AddressViewRepository extends JpaRepository<AddressEntity, AddressEntity.Key> {
    List<AddressEntity> findByUserIdOrderByIsDefaultDescUpdatedAtAsc(String userId);
}
