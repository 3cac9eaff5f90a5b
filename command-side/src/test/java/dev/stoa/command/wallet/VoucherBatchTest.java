package dev.stoa.command.wallet;

import static dev.stoa.command.wallet.DomainErrors.domainError;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.ErrorKind;
import dev.stoa.api.platform.Roles;
import dev.stoa.api.wallet.*;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The VoucherBatch aggregate: admins only, sane amount, currency, expiry and count; it creates its vouchers itself. */
class VoucherBatchTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofDays(30));
    private final VoucherBatchId batchId = VoucherBatchId.random();
    private final UserId adminId = UserId.random();
    private final Actor admin = new Actor(adminId.value(), Set.of(Roles.ADMIN));
    private FixtureConfiguration<VoucherBatch> fixture;
    /** Where the vouchers a batch spawns are stored (the fixture's own store takes the batch's events only). */
    private final EmbeddedEventStore voucherStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VoucherBatch.class);
        fixture.registerRepositoryProvider(new RepositoryProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Repository<T> repositoryFor(Class<T> type) {
                return (Repository<T>) EventSourcingRepository.builder(Voucher.class).eventStore(voucherStore).build();
            }
        });
    }

    private static List<IssuedVoucher> vouchers(int count) {
        List<IssuedVoucher> vouchers = new ArrayList<>();
        for (int i = 0; i < count; i++)
            vouchers.add(new IssuedVoucher(VoucherId.ofHash(String.format("%064x", i + 1)), String.format("%04d", i)));
        return vouchers;
    }

    @Test
    void givenNothing_whenAdminCreatesABatch_thenTheBatchAndEachVoucherAreIssued() {
        List<IssuedVoucher> vouchers = vouchers(2);
        fixture.givenCurrentTime(NOW)
                .when(new CreateVoucherBatch(batchId, 2_500, "USD", EXPIRES, vouchers, admin))
                .expectEvents(new VoucherBatchCreated(batchId, 2_500, "USD", EXPIRES, 2, adminId));
        for (int i = 0; i < 2; i++) {
            assertThat(voucherStore.readEvents(vouchers.get(i).voucherId().value()).asStream().map(m -> (Object) m.getPayload()).toList())
                    .containsExactly(new VoucherIssued(vouchers.get(i).voucherId(), batchId, 2_500, "USD", EXPIRES, "000" + i));
        }
    }

    @Test
    void givenNothing_whenACustomerCreatesABatch_thenForbidden() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateVoucherBatch(batchId, 2_500, "USD", EXPIRES, vouchers(1),
                        new Actor(UserId.random().value(), Set.of(Roles.CUSTOMER))))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.FORBIDDEN, "forbidden"));
    }

    @Test
    void givenNothing_whenBadAmountCurrencyExpiryOrCount_thenValidationFailed() {
        List<CreateVoucherBatch> bad = List.of(
                new CreateVoucherBatch(batchId, 0, "USD", EXPIRES, vouchers(1), admin),
                new CreateVoucherBatch(batchId, 100, "usd", EXPIRES, vouchers(1), admin),
                new CreateVoucherBatch(batchId, 100, "USD", NOW, vouchers(1), admin),
                new CreateVoucherBatch(batchId, 100, "USD", EXPIRES, List.of(), admin),
                new CreateVoucherBatch(batchId, 100, "USD", EXPIRES, vouchers(VoucherBatch.MAX_COUNT + 1), admin),
                new CreateVoucherBatch(batchId, 100, "USD", EXPIRES, List.of(vouchers(1).get(0), vouchers(1).get(0)), admin));
        for (CreateVoucherBatch command : bad) {
            fixture.givenCurrentTime(NOW)
                    .when(command)
                    .expectNoEvents()
                    .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
        }
    }
}
