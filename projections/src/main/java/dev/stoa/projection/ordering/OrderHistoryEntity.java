package dev.stoa.projection.ordering;

import dev.stoa.projection.platform.NewRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** Read model row of one status an order reached, in order ({@code seq}). */
@Entity
@Table(name = "order_history_view")
@IdClass(OrderHistoryEntity.Key.class)
public class OrderHistoryEntity extends NewRow<OrderHistoryEntity.Key> {
    /** The primary key: the order and the entry's position in its history. */
    public static class Key implements java.io.Serializable {
        private String orderId;
        private int seq;

        protected Key() {}

        public Key(String orderId, int seq) {
            this.orderId = orderId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) { return o instanceof Key k && Objects.equals(orderId, k.orderId) && seq == k.seq; }

        @Override
        public int hashCode() { return Objects.hash(orderId, seq); }
    }

    @Id @Column(name = "order_id") private String orderId;
    @Id private int seq;
    private String status;
    private Instant at;

    protected OrderHistoryEntity() {}

    public OrderHistoryEntity(String orderId, int seq, String status, Instant at) {
        this.orderId = orderId;
        this.seq = seq;
        this.status = status;
        this.at = at;
    }

    @Override
    public Key getId() { return new Key(orderId, seq); }

    public String getOrderId() { return orderId; }
    public int getSeq() { return seq; }
    public String getStatus() { return status; }
    public Instant getAt() { return at; }
}
