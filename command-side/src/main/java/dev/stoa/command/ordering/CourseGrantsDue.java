package dev.stoa.command.ordering;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.command.platform.BeforeEvents;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The paid orders whose courses are not granted yet, one row each in {@code order_course_grant_due}: written in the
 * order's own transaction when an order with course lines is confirmed, deleted by the course-entitlements processor
 * once it has granted them (or skipped them: the order was refunded or cancelled meanwhile). The grant runs in a
 * processor of its own, after the order's transaction; in that moment the buyer has paid for the course and has no
 * access yet, so {@link PendingCourseOrders} refuses the course to a new checkout or enrollment from these rows too.
 */
@Component
public class CourseGrantsDue {
    private final JdbcTemplate jdbc;
    private final BeforeEvents beforeEvents;

    CourseGrantsDue(JdbcTemplate jdbc, BeforeEvents beforeEvents) {
        this.jdbc = jdbc;
        this.beforeEvents = beforeEvents;
    }

    /** The order's courses are due: called with its confirmation, in its transaction. */
    void due(OrderId orderId, String buyerId) {
        beforeEvents.write(() -> jdbc.update("insert into order_course_grant_due(order_id, buyer_id) values (?, ?) "
                + "on conflict do nothing", orderId.value(), buyerId));
    }

    /** The order's courses were granted, or will never be. */
    public void settled(OrderId orderId) {
        jdbc.update("delete from order_course_grant_due where order_id = ?", orderId.value());
    }

    /** A row: the order, and whether it was written in the last minute (its confirmation may still be on its way). */
    record Due(OrderId orderId, boolean recent) {}

    /** The confirmed orders of {@code buyerId} whose courses are not granted yet. */
    List<Due> dueOf(String buyerId) {
        return jdbc.query("select order_id, confirmed_at > now() - interval '1 minute' from order_course_grant_due "
                + "where buyer_id = ?", (rs, i) -> new Due(new OrderId(rs.getString(1)), rs.getBoolean(2)), buyerId);
    }
}
