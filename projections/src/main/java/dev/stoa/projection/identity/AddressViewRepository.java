package dev.stoa.projection.identity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AddressViewRepository extends JpaRepository<AddressEntity, String> {
    List<AddressEntity> findByUserIdOrderByIsDefaultDescUpdatedAtAsc(String userId);
}
