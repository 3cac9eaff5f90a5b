package dev.stoa.projection.cart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Read model row of one line of a user's cart (prices are not kept: the cart view reads current ones). */
@Entity
@Table(name = "cart_line_view")
public class CartLineEntity {
    @Id
    private String id;
    @Column(name = "user_id") private String userId;
    @Column(name = "item_type") private String itemType;
    @Column(name = "item_id") private String itemId;
    private int quantity;
    @Column(name = "added_at") private Instant addedAt;
    @Column(name = "updated_at") private Instant updatedAt;

    protected CartLineEntity() {}

    public CartLineEntity(String userId, String itemType, String itemId, int quantity, Instant at) {
        this.id = key(userId, itemId);
        this.userId = userId;
        this.itemType = itemType;
        this.itemId = itemId;
        this.quantity = quantity;
        this.addedAt = at;
        this.updatedAt = at;
    }

    public static String key(String userId, String itemId) { return userId + ":" + itemId; }

    public void quantity(int quantity, Instant at) {
        this.quantity = quantity;
        this.updatedAt = at;
    }

    public String getUserId() { return userId; }
    public String getItemType() { return itemType; }
    public String getItemId() { return itemId; }
    public int getQuantity() { return quantity; }
    public Instant getAddedAt() { return addedAt; }
}
