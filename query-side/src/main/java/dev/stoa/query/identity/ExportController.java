package dev.stoa.query.identity;

import dev.stoa.api.identity.FindAddresses;
import dev.stoa.api.identity.FindAccountHistory;
import dev.stoa.api.learning.FindEnrollmentProgress;
import dev.stoa.api.identity.FindUserById;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.identity.UserView;
import dev.stoa.api.notification.FindNotifications;
import dev.stoa.api.notification.NotificationView;
import dev.stoa.api.cart.CartView;
import dev.stoa.api.cart.FindCart;
import dev.stoa.api.ordering.FindOrders;
import dev.stoa.api.ordering.OrderView;
import dev.stoa.api.wallet.FindWallet;
import dev.stoa.api.wallet.WalletEntryView;
import dev.stoa.api.learning.CertificateId;
import dev.stoa.api.learning.CertificateView;
import dev.stoa.api.learning.FindCertificate;
import dev.stoa.api.learning.FindMyEnrollments;
import dev.stoa.api.payment.FindPayments;
import dev.stoa.api.payment.FindRefundRequests;
import dev.stoa.api.payment.PaymentView;
import dev.stoa.api.payment.RefundRequestView;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.review.FindReviewsByAuthor;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GDPR access: every personal datum the platform holds about the caller, in one JSON document. */
@RestController
@Tag(name = "Identity")
class ExportController {
    /**
     * Everything, not a first page: every order (with its shipping address and history), every wallet entry, every
     * notification, every card payment and refund request (with the caller's own reasons), every enrollment with its
     * progress and the certificates earned (which carry the caller's name), every review written, with those that no
     * longer show (deleted, removed, withdrawn) and their state, and the account's history: each suspension with the
     * reason given, each reinstatement, the deactivation; and each enrollment's whole progress ({@code courseProgress}).
     */
    record Export(Instant exportedAt, UserView profile, FindAddresses.Result addresses, CartView cart, List<OrderView> orders,
                  Wallet wallet, List<NotificationView> notifications, List<PaymentView> payments,
                  List<RefundRequestView> refundRequests, List<FindMyEnrollments.Item> enrollments,
                  List<CertificateView> certificates, List<FindReviewsByAuthor.ProductReview> productReviews,
                  List<FindReviewsByAuthor.CourseReview> courseReviews, List<FindAccountHistory.Change> accountHistory,
                  List<FindEnrollmentProgress.Result> courseProgress) {}

    /** The wallet's balance and its whole ledger, newest first. */
    record Wallet(long balanceCents, String currency, List<WalletEntryView> entries) {}

    private static final int PAGE = 100;

    private final Queries queries;

    ExportController(Queries queries) { this.queries = queries; }

    @GetMapping("/api/v1/users/me/export")
    @Operation(operationId = "exportMyData", summary = "GDPR export: your profile, addresses, cart, orders, wallet ledger, notification log, payments, refund requests, enrollments, certificates, reviews and account history as JSON")
    Export export(@AuthenticationPrincipal Jwt jwt) {
        UserId me = new UserId(jwt.getSubject());
        UserView profile = queries.ask(new FindUserById(me), UserView.class);
        if (profile == null) throw DomainException.notFound("user " + me);
        FindWallet.Result wallet = queries.ask(new FindWallet(me.value(), PAGE, 0), FindWallet.Result.class);
        List<FindMyEnrollments.Item> enrollments = all(offset -> {
            FindMyEnrollments.Result page = queries.ask(new FindMyEnrollments(me.value(), PAGE, offset), FindMyEnrollments.Result.class);
            return new Page<>(page.items(), page.total());
        });
        FindReviewsByAuthor.Result reviews = queries.ask(new FindReviewsByAuthor(me.value()), FindReviewsByAuthor.Result.class);
        return new Export(Instant.now(), profile, queries.ask(new FindAddresses(me), FindAddresses.Result.class),
                queries.ask(new FindCart(me, null), CartView.class),
                all(offset -> {
                    FindOrders.Result page = queries.ask(new FindOrders(me.value(), null, null, null, PAGE, offset), FindOrders.Result.class);
                    return new Page<>(page.items(), page.total());
                }),
                new Wallet(wallet.balanceCents(), wallet.currency(), all(offset -> {
                    FindWallet.Result page = queries.ask(new FindWallet(me.value(), PAGE, offset), FindWallet.Result.class);
                    return new Page<>(page.entries(), page.total());
                })),
                all(offset -> {
                    FindNotifications.Result page = queries.ask(new FindNotifications(me.value(), PAGE, offset), FindNotifications.Result.class);
                    return new Page<>(page.items(), page.total());
                }),
                all(offset -> {
                    FindPayments.Result page = queries.ask(new FindPayments(me.value(), null, null, PAGE, offset), FindPayments.Result.class);
                    return new Page<>(page.items(), page.total());
                }),
                all(offset -> {
                    FindRefundRequests.Result page = queries.ask(new FindRefundRequests(null, me.value(), null, null, PAGE, offset),
                            FindRefundRequests.Result.class);
                    return new Page<>(page.items(), page.total());
                }),
                enrollments,
                enrollments.stream().filter(e -> e.certificateId() != null)
                        .map(e -> queries.ask(new FindCertificate(new CertificateId(e.certificateId())), CertificateView.class))
                        .filter(java.util.Objects::nonNull).toList(),
                reviews.productReviews(), reviews.courseReviews(),
                queries.ask(new FindAccountHistory(me), FindAccountHistory.Result.class).changes(),
                // each enrollment's whole progress: lessons completed and opened, quiz scores, time spent, every grant
                // and its revocation (the list's items alone were in the export before 2026-12-07; walkthrough Z48)
                enrollments.stream().map(e -> queries.ask(new FindEnrollmentProgress(me.value(), e.courseId(), null),
                        FindEnrollmentProgress.Result.class)).filter(java.util.Objects::nonNull).toList());
    }

    private record Page<T>(List<T> items, long total) {}

    /** Every page of a list, in its order. */
    private static <T> List<T> all(IntFunction<Page<T>> pageAt) {
        List<T> all = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            Page<T> page = pageAt.apply(offset);
            all.addAll(page.items());
            if (page.items().isEmpty() || offset + PAGE >= page.total()) return all;
        }
    }
}
