package dev.stoa.command.ordering;

import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.platform.UniqueKeys;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Hands out order numbers {@code ORD-YYYYMMDD-XXXX}: the UTC date, then four characters from an alphabet without
 * look-alikes (no 0/O, 1/I). Unique for sure, not just probably: each number is claimed in {@code unique_key} in the
 * order's own transaction, and a number taken already is drawn again. 32^4 (about a million) numbers per day.
 */
@Component
public class OrderNumbers {
    static final String KIND = "order-number";
    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final int ATTEMPTS = 64;
    private final UniqueKeys keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public OrderNumbers(UniqueKeys keys) { this(keys, Clock.systemUTC()); }

    OrderNumbers(UniqueKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A new number, claimed for {@code orderId}. */
    public String claim(OrderId orderId) {
        String prefix = "ORD-" + DAY.format(clock.instant()) + "-";
        for (int i = 0; i < ATTEMPTS; i++) {
            StringBuilder number = new StringBuilder(prefix);
            for (int c = 0; c < 4; c++) number.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            if (keys.claim(KIND, number.toString(), orderId.value())) return number.toString();
        }
        throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION, "no free order number found today; retry");
    }
}
