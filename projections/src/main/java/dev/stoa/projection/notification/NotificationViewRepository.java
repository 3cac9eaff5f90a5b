package dev.stoa.projection.notification;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface NotificationViewRepository extends JpaRepository<NotificationEntity, String> {
    Page<NotificationEntity> findByUserId(String userId, Pageable page);

    /** GDPR erasure: the log keeps that mails went out, not what they were about. */
    @Modifying
    @Query("update NotificationEntity n set n.subject = :erased where n.userId = :userId")
    int eraseSubjects(String userId, String erased);
}
