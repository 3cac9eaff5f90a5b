package dev.stoa.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stoa.api.platform.DomainException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AsOfTest {
    private static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void readsUtcAndOffsetsAlsoWithTheirPlusArrivedAsASpace() {
        assertThat(AsOf.parse("2026-11-30T12:00:00Z", null)).isEqualTo(NOON);
        assertThat(AsOf.parse("2026-11-30T14:00:00+02:00", null)).isEqualTo(NOON);
        assertThat(AsOf.parse("2026-11-30T14:00:00 02:00", null)).isEqualTo(NOON);
        assertThat(AsOf.parse("2026-11-30T09:30:00-02:30", null)).isEqualTo(NOON);
        assertThat(AsOf.parse(" 2026-11-30T12:00:00.250Z ", null)).isEqualTo(NOON.plusMillis(250));
    }

    @Test
    void absentIsTheGivenDefaultOnlyWhereThereIsOne() {
        assertThat(AsOf.parse(null, NOON)).isEqualTo(NOON);
        assertThat(AsOf.parse("  ", NOON)).isEqualTo(NOON);
        assertThatThrownBy(() -> AsOf.parse("", null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> AsOf.parse(null, null)).isInstanceOf(DomainException.class);
    }

    @Test
    void anythingElseIsBadInput() {
        for (String bad : new String[] {"yesterday", "2026-11-30", "2026-13-01T00:00:00Z", "1700000000",
                "2026-11-30T12:00:00", "2026-11-30T12:00:00+25:00"}) {
            assertThatThrownBy(() -> AsOf.parse(bad, NOON)).as(bad).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.getMessage()).contains("asOf must be an ISO-8601 instant"));
        }
        // a leap second, as the order lists' from and to refuse it; and years no store takes (both were read before
        // 2026-12-07; walkthrough Z18)
        assertThatThrownBy(() -> AsOf.parse("2026-12-31T23:59:60Z", null)).isInstanceOf(DomainException.class);
        for (String far : new String[] {"+999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z"})
            assertThatThrownBy(() -> AsOf.parse(far, null)).as(far).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.getMessage()).contains("asOf must lie between the years 1 and 9999"));
        assertThat(AsOf.parse("0001-01-01T00:00:00Z", null)).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
    }

    /** An instant to come has no state yet (it was answered with today's, labelled with that instant, before 2026-12-07). */
    @Test
    void anInstantToComeIsBadInput() {
        for (String future : new String[] {"9999-12-31T23:59:59Z", Instant.now().plusSeconds(60).toString()})
            assertThatThrownBy(() -> AsOf.parse(future, null)).as(future).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.getMessage()).contains("is in the future").endsWith("send an instant past"));
        // where asOf may be left out, leaving it out is the state of now; where it is required, it is not (the lists'
        // refusal said "leave it out", itself a 400, before 2026-12-07, sixth session; walkthrough Z27)
        assertThatThrownBy(() -> AsOf.parse("9999-12-31T23:59:59Z", Instant.now())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.getMessage()).endsWith("leave it out for the state of now"));
        Instant justNow = Instant.now().minusMillis(1);
        assertThat(AsOf.parse(justNow.toString(), null)).isEqualTo(justNow);
    }
}
