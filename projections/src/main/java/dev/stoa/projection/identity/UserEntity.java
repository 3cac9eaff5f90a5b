package dev.stoa.projection.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of one account's profile. Never the password hash. */
@Entity
@Table(name = "user_view")
public class UserEntity {
    @Id
    private String id;
    private String email;
    @Column(name = "first_name") private String firstName;
    @Column(name = "last_name") private String lastName;
    private String phone;
    /** Comma-separated, sorted. */
    private String roles;
    @Column(name = "email_verified") private boolean emailVerified;
    private String status;
    @Column(name = "created_at") private Instant createdAt;
    @Column(name = "last_login_at") private Instant lastLoginAt;
    @Column(name = "suspended_at") private Instant suspendedAt;
    @Column(name = "suspension_reason") private String suspensionReason;

    protected UserEntity() {}

    public UserEntity(String id, String email, String firstName, String lastName, String phone, String roles,
                      boolean emailVerified, Instant createdAt) {
        this.id = id;
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
        this.phone = phone;
        this.roles = roles;
        this.emailVerified = emailVerified;
        this.status = "active";
        this.createdAt = createdAt;
    }

    public void verified() { this.emailVerified = true; }

    /** Any status but suspended: the suspension's time and reason go with it. */
    public void status(String status) {
        this.status = status;
        this.suspendedAt = null;
        this.suspensionReason = null;
    }

    /**
     * Suspended at {@code at}, for {@code reason} (may be null); again, with a new reason: the reason replaces the last,
     * and {@code suspendedAt} stays when the suspension began (it moved to the new reason's time before 2026-12-07
     * evening; walkthrough Z32).
     */
    public void suspended(Instant at, String reason) {
        if (!"suspended".equals(this.status)) this.suspendedAt = at;
        this.status = "suspended";
        this.suspensionReason = reason;
    }

    /** GDPR erasure: nothing personal stays; the row remains so orders can still name an (anonymous) buyer. */
    public void erase() {
        this.email = "erased-" + id + "@erased.invalid";
        this.firstName = null;
        this.lastName = null;
        this.phone = null;
        status("erased");
    }

    public void roles(String roles) { this.roles = roles; }

    public void profile(String firstName, String lastName, String phone) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.phone = phone;
    }

    public void loggedIn(Instant at) { this.lastLoginAt = at; }

    public String getId() { return id; }
    public String getEmail() { return email; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public String getPhone() { return phone; }
    public String getRoles() { return roles; }
    public boolean isEmailVerified() { return emailVerified; }
    public String getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastLoginAt() { return lastLoginAt; }
    public Instant getSuspendedAt() { return suspendedAt; }
    public String getSuspensionReason() { return suspensionReason; }
}
