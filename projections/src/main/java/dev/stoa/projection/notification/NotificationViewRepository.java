package dev.stoa.projection.notification;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationViewRepository extends JpaRepository<NotificationEntity, String> {
    Page<NotificationEntity> findByUserId(String userId, Pageable page);
}
