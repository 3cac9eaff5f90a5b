package dev.stoa.projection.cart;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CartLineViewRepository extends JpaRepository<CartLineEntity, String> {
    List<CartLineEntity> findByUserIdOrderByAddedAtAscItemIdAsc(String userId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from CartLineEntity l where l.userId = ?1")
    void deleteByUser(String userId);
}
