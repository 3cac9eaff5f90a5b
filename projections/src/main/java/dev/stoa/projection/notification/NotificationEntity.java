package dev.stoa.projection.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of one notification: what a user's notification log shows, without body or recipient. */
@Entity
@Table(name = "notification_view")
public class NotificationEntity {
    public static final String QUEUED = "queued";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    @Id
    private String id;
    @Column(name = "user_id") private String userId;
    private String channel;
    @Column(name = "template_name") private String templateName;
    private String subject;
    private String status;
    @Column(name = "retry_count") private int retryCount;
    @Column(name = "created_at") private Instant createdAt;
    @Column(name = "sent_at") private Instant sentAt;
    @Column(name = "updated_at") private Instant updatedAt;

    protected NotificationEntity() {}

    public NotificationEntity(String id, String userId, String channel, String templateName, String subject,
                              Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.channel = channel;
        this.templateName = templateName;
        this.subject = subject;
        this.status = QUEUED;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** Attempt number {@code attempt} (1 = the first) delivered it. */
    public void sent(int attempt, Instant at) {
        status = SENT;
        retryCount = Math.max(0, attempt - 1);
        sentAt = at;
        updatedAt = at;
    }

    /** Attempt number {@code attempt} failed; without a retry to come, for good. */
    public void failed(int attempt, boolean willRetry, Instant at) {
        status = willRetry ? QUEUED : FAILED;
        retryCount = Math.max(0, attempt - 1);
        updatedAt = at;
    }

    public String getId() { return id; }
    public String getUserId() { return userId; }
    public String getChannel() { return channel; }
    public String getTemplateName() { return templateName; }
    public String getSubject() { return subject; }
    public String getStatus() { return status; }
    public int getRetryCount() { return retryCount; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
