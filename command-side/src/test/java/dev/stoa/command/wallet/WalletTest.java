package dev.stoa.command.wallet;

import static dev.stoa.command.wallet.DomainErrors.domainError;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.ErrorKind;
import dev.stoa.api.wallet.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Wallet aggregate: top-ups, debits and refunds, never below zero, each idempotent by its reference. */
class WalletTest {
    private final UserId user = UserId.random();
    private final VoucherId voucher = VoucherId.ofHash("a".repeat(64));
    private final OrderId order = OrderId.random();
    private FixtureConfiguration<Wallet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Wallet.class);
        fixture.registerInjectableResource(new WalletSettings("USD"));
        fixture.registerInjectableResource(new CancelledOrders(null) {
            @Override
            public boolean contains(OrderId orderId) { return cancelled.contains(orderId); }
        });
    }

    private final java.util.Set<OrderId> cancelled = new java.util.HashSet<>();

    @Test
    void aCancelledOrderIsNotDebited_itsSagaEndedAndNobodyWouldGiveItBack() {
        cancelled.add(order);
        fixture.given(toppedUp(10_000))
                .when(new DebitWallet(user, order, 2_500, "USD"))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.CONFLICT, "invalid_transition"));
    }

    private WalletToppedUp toppedUp(long cents) { return new WalletToppedUp(user, voucher, cents, "USD", cents); }

    @Test
    void givenNoWallet_whenTopUp_thenWalletOpensWithTheAmount() {
        fixture.givenNoPriorActivity()
                .when(new TopUpWallet(user, voucher, 10_000, "USD"))
                .expectEvents(toppedUp(10_000))
                .expectResultMessagePayload(10_000L);
    }

    @Test
    void givenToppedUp_whenTheSameVoucherAgain_thenNothingChanges() {
        fixture.given(toppedUp(10_000))
                .when(new TopUpWallet(user, voucher, 10_000, "USD"))
                .expectNoEvents()
                .expectResultMessagePayload(10_000L);
    }

    @Test
    void givenNoWallet_whenTopUpInAnotherCurrency_thenCurrencyMismatch() {
        fixture.givenNoPriorActivity()
                .when(new TopUpWallet(user, voucher, 10_000, "EUR"))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "currency_mismatch"));
    }

    @Test
    void givenBalance_whenDebitCovered_thenDebitedWithBalanceAfter() {
        fixture.given(toppedUp(10_000))
                .when(new DebitWallet(user, order, 7_000, "USD"))
                .expectEvents(new WalletDebited(user, order, 7_000, "USD", 3_000))
                .expectResultMessagePayload(3_000L);
    }

    @Test
    void givenBalance_whenDebitOfExactlyTheBalance_thenZero() {
        fixture.given(toppedUp(10_000))
                .when(new DebitWallet(user, order, 10_000, "USD"))
                .expectEvents(new WalletDebited(user, order, 10_000, "USD", 0));
    }

    @Test
    void givenDebited_whenSecondDebitWouldGoNegative_thenInsufficientFunds() {
        fixture.given(toppedUp(10_000), new WalletDebited(user, order, 7_000, "USD", 3_000))
                .when(new DebitWallet(user, OrderId.random(), 7_000, "USD"))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "insufficient_funds"));
    }

    @Test
    void theCheckOfAWalletCheckout_recordsNothing_andRefusesAsTheDebitWould() {
        fixture.given(toppedUp(3_000)).when(new CheckWalletCovers(user, 3_000, "USD")).expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(toppedUp(3_000)).when(new CheckWalletCovers(user, 3_001, "USD")).expectNoEvents()
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "insufficient_funds"));
        fixture.given(toppedUp(3_000)).when(new CheckWalletCovers(user, 100, "EUR")).expectNoEvents()
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "currency_mismatch"));
    }

    @Test
    void givenNoWallet_whenDebit_thenInsufficientFunds() {
        fixture.givenNoPriorActivity()
                .when(new DebitWallet(user, order, 1, "USD"))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "insufficient_funds"));
    }

    @Test
    void givenDebitedForAnOrder_whenDebitTheSameOrderAgain_thenNothingChangesAndItSucceeds() {
        fixture.given(toppedUp(10_000), new WalletDebited(user, order, 7_000, "USD", 3_000))
                .when(new DebitWallet(user, order, 7_000, "USD"))
                .expectNoEvents()
                .expectResultMessagePayload(3_000L);
    }

    @Test
    void givenBalance_whenDebitZeroOrNegative_thenValidationFailed() {
        fixture.given(toppedUp(10_000))
                .when(new DebitWallet(user, order, 0, "USD"))
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
        fixture.given(toppedUp(10_000))
                .when(new DebitWallet(user, order, -5, "USD"))
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
    }

    @Test
    void givenBalance_whenDebitInAnotherCurrency_thenCurrencyMismatch() {
        fixture.given(toppedUp(10_000))
                .when(new DebitWallet(user, order, 100, "EUR"))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "currency_mismatch"));
    }

    @Test
    void givenDebited_whenRefundPart_thenRefundedAndBalanceRises() {
        fixture.given(toppedUp(10_000), new WalletDebited(user, order, 7_000, "USD", 3_000))
                .when(new RefundToWallet(user, order, "refund-1", 2_500, "USD"))
                .expectEvents(new WalletRefunded(user, order, "refund-1", 2_500, "USD", 5_500))
                .expectResultMessagePayload(5_500L);
    }

    @Test
    void givenPartlyRefunded_whenRefundsWouldExceedTheDebit_thenRefused() {
        fixture.given(toppedUp(10_000), new WalletDebited(user, order, 7_000, "USD", 3_000),
                        new WalletRefunded(user, order, "refund-1", 5_000, "USD", 8_000))
                .when(new RefundToWallet(user, order, "refund-2", 2_001, "USD"))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_exceeds_debit"));
    }

    @Test
    void givenPartlyRefunded_whenTheRestIsRefunded_thenAccepted() {
        fixture.given(toppedUp(10_000), new WalletDebited(user, order, 7_000, "USD", 3_000),
                        new WalletRefunded(user, order, "refund-1", 5_000, "USD", 8_000))
                .when(new RefundToWallet(user, order, "refund-2", 2_000, "USD"))
                .expectEvents(new WalletRefunded(user, order, "refund-2", 2_000, "USD", 10_000));
    }

    @Test
    void givenRefunded_whenTheSameRefundReferenceAgain_thenNothingChanges() {
        fixture.given(toppedUp(10_000), new WalletDebited(user, order, 7_000, "USD", 3_000),
                        new WalletRefunded(user, order, "refund-1", 7_000, "USD", 10_000))
                .when(new RefundToWallet(user, order, "refund-1", 7_000, "USD"))
                .expectNoEvents()
                .expectResultMessagePayload(10_000L);
    }

    @Test
    void givenNoDebitForTheOrder_whenRefund_thenRefused() {
        fixture.given(toppedUp(10_000))
                .when(new RefundToWallet(user, OrderId.random(), "refund-1", 1, "USD"))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_exceeds_debit"));
    }

    @Test
    void givenDebited_whenRefundWithoutReference_thenValidationFailed() {
        fixture.given(toppedUp(10_000), new WalletDebited(user, order, 7_000, "USD", 3_000))
                .when(new RefundToWallet(user, order, " ", 1, "USD"))
                .expectException(domainError(ErrorKind.BAD_REQUEST, "validation_failed"));
    }

    // ---- the rest of an order's debit (a cancellation)

    @Test
    void givenPartlyRefunded_whenTheRestIsAskedFor_thenWhatIsLeftOfTheDebitComesBack() {
        fixture.given(toppedUp(10_000), new WalletDebited(user, order, 7_000, "USD", 3_000),
                        new WalletRefunded(user, order, "refund-request-1", 2_500, "USD", 5_500))
                .when(new RefundRestToWallet(user, order, "cancelled-1", "USD"))
                .expectEvents(new WalletRefunded(user, order, "cancelled-1", 4_500, "USD", 10_000))
                .expectResultMessagePayload(10_000L);
    }

    @Test
    void givenNothingRefunded_whenTheRestIsAskedFor_thenTheWholeDebitComesBack() {
        fixture.given(toppedUp(10_000), new WalletDebited(user, order, 7_000, "USD", 3_000))
                .when(new RefundRestToWallet(user, order, "cancelled-1", "USD"))
                .expectEvents(new WalletRefunded(user, order, "cancelled-1", 7_000, "USD", 10_000));
    }

    @Test
    void givenRefundedWhole_whenTheRestIsAskedFor_thenNothingChangesAndItSucceeds() {
        fixture.given(toppedUp(10_000), new WalletDebited(user, order, 7_000, "USD", 3_000),
                        new WalletRefunded(user, order, "refund-request-1", 7_000, "USD", 10_000))
                .when(new RefundRestToWallet(user, order, "cancelled-1", "USD"))
                .expectNoEvents()
                .expectResultMessagePayload(10_000L);
    }

    @Test
    void givenTheRestRefunded_whenAskedAgain_thenNothingChanges_andALaterRefundOfThatOrderIsRefused() {
        fixture.given(toppedUp(10_000), new WalletDebited(user, order, 7_000, "USD", 3_000),
                        new WalletRefunded(user, order, "cancelled-1", 7_000, "USD", 10_000))
                .when(new RefundRestToWallet(user, order, "cancelled-1", "USD"))
                .expectNoEvents();
        fixture.given(toppedUp(10_000), new WalletDebited(user, order, 7_000, "USD", 3_000),
                        new WalletRefunded(user, order, "cancelled-1", 7_000, "USD", 10_000))
                .when(new RefundToWallet(user, order, "refund-request-1", 1, "USD"))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_exceeds_debit"));
    }

    @Test
    void givenNoDebitForTheOrder_whenTheRestIsAskedFor_thenRefused() {
        fixture.given(toppedUp(10_000))
                .when(new RefundRestToWallet(user, OrderId.random(), "cancelled-1", "USD"))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "refund_exceeds_debit"));
    }
}
