package dev.stoa.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.app.platform.security.SealedFields;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The buyers of the orders a payload or state names, as owners to try on its sealed values. A payment's refund
 * request ({@code PaymentRefundRequested}) seals its reason with the buyer's key but names only the order: its
 * reason read {@code [sealed]} to auditors, while the refund's {@code PaymentRefunded}, which names the buyer, showed
 * it (found by a walkthrough, 2026-12-06). Looked up only for a tree that holds something sealed.
 */
@Component
class OrderBuyers {
    private final NamedParameterJdbcTemplate jdbc;

    OrderBuyers(NamedParameterJdbcTemplate jdbc) { this.jdbc = jdbc; }

    List<String> of(JsonNode tree) {
        if (!SealedFields.anySealed(tree)) return List.of();
        Set<String> orders = new LinkedHashSet<>();
        collect(tree, orders);
        if (orders.isEmpty()) return List.of();
        return jdbc.queryForList("select distinct buyer_id from order_view where id in (:ids)", Map.of("ids", orders), String.class);
    }

    private static void collect(JsonNode node, Set<String> into) {
        if (node == null) return;
        JsonNode order = node.get("orderId");
        if (order != null && order.isTextual() && order.textValue().length() == 36) into.add(order.textValue());
        for (JsonNode child : node) collect(child, into);
    }
}
