package dev.stoa.projection.identity;

import dev.stoa.api.identity.Address;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of one postal address of a user, keyed by its owner and its id. */
@Entity
@Table(name = "user_address_view")
@IdClass(AddressEntity.Key.class)
public class AddressEntity {
    /** The primary key: an address id counts only within its user's addresses. */
    public static class Key implements java.io.Serializable {
        private String userId;
        private String id;

        protected Key() {}

        public Key(String userId, String id) {
            this.userId = userId;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(userId, k.userId) && java.util.Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() { return java.util.Objects.hash(userId, id); }
    }

    @Id
    private String id;
    @Id
    @Column(name = "user_id") private String userId;
    private String label;
    @Column(name = "street_line1") private String streetLine1;
    @Column(name = "street_line2") private String streetLine2;
    private String city;
    private String state;
    @Column(name = "postal_code") private String postalCode;
    @Column(name = "country_code") private String countryCode;
    @Column(name = "is_default") private boolean isDefault;
    @Column(name = "updated_at") private Instant updatedAt;

    protected AddressEntity() {}

    public AddressEntity(String id, String userId) {
        this.id = id;
        this.userId = userId;
    }

    public void set(Address a, Instant at) {
        label = a.label();
        streetLine1 = a.streetLine1();
        streetLine2 = a.streetLine2();
        city = a.city();
        state = a.state();
        postalCode = a.postalCode();
        countryCode = a.countryCode();
        isDefault = a.isDefault();
        updatedAt = at;
    }

    public void notDefault() { isDefault = false; }

    public String getId() { return id; }
    public String getUserId() { return userId; }
    public String getLabel() { return label; }
    public String getStreetLine1() { return streetLine1; }
    public String getStreetLine2() { return streetLine2; }
    public String getCity() { return city; }
    public String getState() { return state; }
    public String getPostalCode() { return postalCode; }
    public String getCountryCode() { return countryCode; }
    public boolean isDefault() { return isDefault; }
    public Instant getUpdatedAt() { return updatedAt; }
}
