package dev.stoa.command.wallet;

import static dev.stoa.command.wallet.DomainErrors.domainError;

import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.ErrorKind;
import dev.stoa.api.wallet.*;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Voucher aggregate: redeemed once, before it expires, in the wallets' currency; unknown codes leave no trace. */
class VoucherTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final VoucherId voucherId = VoucherId.ofHash("b".repeat(64));
    private final VoucherBatchId batchId = VoucherBatchId.random();
    private final UserId alice = UserId.random();
    private final UserId bob = UserId.random();
    private FixtureConfiguration<Voucher> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Voucher.class);
        fixture.registerInjectableResource(new WalletSettings("USD"));
    }

    private VoucherIssued issued(String currency, Instant expiresAt) {
        return new VoucherIssued(voucherId, batchId, 2_500, currency, expiresAt, "WXYZ");
    }

    @Test
    void givenIssued_whenRedeemBeforeExpiry_thenRedeemedForTheUser() {
        VoucherRedeemed redeemed = new VoucherRedeemed(voucherId, batchId, alice, 2_500, "USD");
        fixture.given(issued("USD", NOW.plus(Duration.ofDays(1))))
                .andGivenCurrentTime(NOW)
                .when(new RedeemVoucher(voucherId, alice))
                .expectEvents(redeemed)
                .expectResultMessagePayload(redeemed);
    }

    @Test
    void givenRedeemed_whenAnotherUserRedeems_thenVoucherRedeemed() {
        fixture.given(issued("USD", NOW.plus(Duration.ofDays(1))), new VoucherRedeemed(voucherId, batchId, alice, 2_500, "USD"))
                .andGivenCurrentTime(NOW)
                .when(new RedeemVoucher(voucherId, bob))
                .expectException(domainError(ErrorKind.CONFLICT, "voucher_redeemed"));
    }

    /** A retry of the same user's redemption whose answer was lost is answered that redemption; nobody else's is. */
    @Test
    void givenRedeemed_whenTheSameUserRetriesALostAnswer_thenTheRedemptionIsAnswered_andNothingHappens() {
        VoucherRedeemed redeemed = new VoucherRedeemed(voucherId, batchId, alice, 2_500, "USD");
        fixture.given(issued("USD", NOW.plus(Duration.ofDays(1))), redeemed)
                .andGivenCurrentTime(NOW)
                .when(new RedeemVoucher(voucherId, alice, true))
                .expectNoEvents()
                .expectResultMessagePayload(redeemed);
        fixture.given(issued("USD", NOW.plus(Duration.ofDays(1))), redeemed)
                .andGivenCurrentTime(NOW)
                .when(new RedeemVoucher(voucherId, bob, true))
                .expectException(domainError(ErrorKind.CONFLICT, "voucher_redeemed"));
    }

    @Test
    void givenRedeemed_whenTheSameUserRedeemsAgain_thenVoucherRedeemed() {
        fixture.given(issued("USD", NOW.plus(Duration.ofDays(1))), new VoucherRedeemed(voucherId, batchId, alice, 2_500, "USD"))
                .andGivenCurrentTime(NOW)
                .when(new RedeemVoucher(voucherId, alice))
                .expectException(domainError(ErrorKind.CONFLICT, "voucher_redeemed"));
    }

    @Test
    void givenIssued_whenRedeemAtTheExpiryInstant_thenExpired() {
        fixture.given(issued("USD", NOW))
                .andGivenCurrentTime(NOW)
                .when(new RedeemVoucher(voucherId, alice))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "voucher_expired"));
    }

    @Test
    void givenIssued_whenRedeemAfterExpiry_thenExpired() {
        fixture.given(issued("USD", NOW.minusSeconds(1)))
                .andGivenCurrentTime(NOW)
                .when(new RedeemVoucher(voucherId, alice))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "voucher_expired"));
    }

    @Test
    void givenIssuedInAnotherCurrency_whenRedeem_thenVoucherCurrencyMismatch() {
        fixture.given(issued("EUR", NOW.plus(Duration.ofDays(1))))
                .andGivenCurrentTime(NOW)
                .when(new RedeemVoucher(voucherId, alice))
                .expectException(domainError(ErrorKind.UNPROCESSABLE, "voucher_currency_mismatch"));
    }

    @Test
    void givenNoVoucher_whenRedeem_thenVoucherNotFoundAndNothingStored() {
        fixture.givenNoPriorActivity()
                .when(new RedeemVoucher(voucherId, alice))
                .expectNoEvents()
                .expectException(domainError(ErrorKind.NOT_FOUND, "voucher_not_found"));
    }
}
