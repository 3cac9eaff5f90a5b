package dev.stoa.command.learning;

import dev.stoa.api.cart.pricing.PricedLine;
import dev.stoa.api.cart.pricing.PricingRules;
import dev.stoa.api.cart.pricing.TaxClass;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.*;
import dev.stoa.api.ordering.OrderId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.ErrorDetails;
import dev.stoa.api.wallet.DebitWallet;
import dev.stoa.command.identity.ActiveAccounts;
import dev.stoa.command.learning.CourseCatalog.CourseFacts;
import dev.stoa.command.ordering.BuyerAddresses;
import dev.stoa.command.ordering.PendingCourseOrders;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/**
 * Enrolling in a course (free at once, paid from the wallet in one flow, otherwise through the cart and an order) and
 * recording progress. Every decision is the {@link Enrollment} aggregate's; the course's facts come from its events.
 */
@RestController
@RequestMapping("/api/v1/courses/{courseId}")
@Tag(name = "Learning")
class EnrollmentCommandController {
    private static final Logger log = LoggerFactory.getLogger(EnrollmentCommandController.class);
    private final Commands commands;
    private final CourseCatalog catalog;
    private final Enrollments enrollments;
    private final WalletPurchases purchases;
    private final PendingCourseOrders pendingOrders;
    private final ActiveAccounts accounts;
    private final BuyerAddresses addresses;
    private final PricingRules pricing;

    EnrollmentCommandController(Commands commands, CourseCatalog catalog, Enrollments enrollments, WalletPurchases purchases,
                                PendingCourseOrders pendingOrders, ActiveAccounts accounts, BuyerAddresses addresses,
                                PricingRules pricing) {
        this.addresses = addresses;
        this.pricing = pricing;
        this.purchases = purchases;
        this.pendingOrders = pendingOrders;
        this.accounts = accounts;
        this.commands = commands;
        this.catalog = catalog;
        this.enrollments = enrollments;
    }

    /** Body of an enrollment: {@code paymentMethod} {@code wallet} pays a paid course from the wallet. */
    record EnrollRequest(@Pattern(regexp = "wallet|card", message = "must be wallet or card") String paymentMethod) {}

    /** The grant made: {@code source} free or wallet, {@code reference} the wallet purchase (the debit's order id). */
    record Enrolled(String enrollmentId, String courseId, String status, String source, String reference, long paidCents,
                    String currency) {}

    @PostMapping("/enroll")
    @Operation(operationId = "enrollInCourse", summary = "Enroll in a published course: free at once, paid from your wallet "
            + "(paymentMethod wallet); a paid course otherwise answers 402 payment_required with the way to check out")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Enrolled> enroll(@PathVariable CourseId courseId, @Valid @RequestBody(required = false) EnrollRequest body,
                                    Actor actor) {
        UserId me = new UserId(actor.userId());
        CourseFacts course = catalog.course(courseId).filter(CourseFacts::published)
                .orElseThrow(() -> DomainException.notFound("course " + courseId));
        if (course.archived())
            throw new DomainException(ErrorCode.COURSE_ARCHIVED, "course " + courseId + " takes no new students");
        if (enrollments.hasAccess(me, courseId))
            throw new DomainException(ErrorCode.COURSE_ALREADY_OWNED, "you are enrolled in this course already");
        String method = body == null ? null : body.paymentMethod();
        if (course.free() || GrantEnrollment.WALLET.equals(method)) accounts.require(me, "enrollment");
        // a wallet purchase looks for pending orders once it is noted (payFromWallet)
        if (course.free()) pendingOrders.requireNoneHolds(me, Set.of(courseId.value()));
        Enrolled enrolled;
        if (course.free()) {
            enrolled = grant(new GrantEnrollment(me, courseId, GrantEnrollment.FREE, GrantEnrollment.FREE, 0, null));
        } else if (GrantEnrollment.WALLET.equals(method)) {
            enrolled = payFromWallet(me, course);
        } else {
            throw new DomainException(ErrorCode.PAYMENT_REQUIRED, "course " + courseId + " costs " + course.priceCents() + " "
                    + course.currency() + ": enroll with {\"paymentMethod\":\"wallet\"}, or add it to your cart "
                    + "(POST /api/v1/cart/items {itemType: course, itemId}) and check out (POST /api/v1/orders)")
                    .with("checkoutUrl", "/api/v1/orders")
                    .with("cartItem", Map.of("itemType", "course", "itemId", courseId.value(), "quantity", 1))
                    .with("priceCents", course.priceCents())
                    .with("currency", course.currency());
        }
        return ResponseEntity.created(URI.create("/api/v1/courses/" + courseId + "/progress")).body(enrolled);
    }

    /**
     * Debit, then grant; a refused grant (enrolled meanwhile by a racing request, the course archived meanwhile) gives
     * the money back at once under the purchase's own refund reference. The purchase is noted before the debit
     * ({@link WalletPurchases}), so a request that dies in between is settled later: no money stays taken without access.
     */
    private Enrolled payFromWallet(UserId me, CourseFacts course) {
        OrderId purchase = OrderId.random();
        long price = withTax(me, course);
        purchases.begin(purchase, me, course.courseId(), price, course.currency());
        try {
            // noted first, then checked: a checkout of the course notes itself first too, then looks for this purchase
            // (PendingCourseOrders.requireNoWalletPurchase), so of the two at once at least one sees the other
            pendingOrders.requireNoCheckout(me, course.courseId().value());
            pendingOrders.requireNoneHolds(me, Set.of(course.courseId().value()));
        } catch (RuntimeException refused) {
            purchases.end(purchase);
            throw refused;
        }
        try {
            commands.send(new DebitWallet(me, purchase, price, course.currency()));
        } catch (RuntimeException refused) {
            // refused (not enough money, another currency): nothing was taken. No answer (a timeout, a lost connection):
            // the debit may still land, so the purchase's row stays and WalletPurchases grants the course or finds no debit
            if (Refusals.any(refused)) purchases.end(purchase);
            throw refused;
        }
        try {
            Enrolled enrolled = grant(new GrantEnrollment(me, course.courseId(), GrantEnrollment.WALLET, purchase.value(),
                    price, course.currency()));
            purchases.end(purchase);
            return enrolled;
        } catch (RuntimeException refused) {
            // no answer (a timeout, a lost connection): the grant may have been made; the purchase's row stays, and
            // WalletPurchases grants it (idempotent per purchase) or refunds it once it is refused
            if (!Refusals.any(refused)) throw refused;
            log.info("Course {}: wallet purchase {} refused ({}); refunding the debit", course.courseId(), purchase,
                    refused.getMessage());
            purchases.refund(purchase, me, price, course.currency());
            purchases.end(purchase);
            throw refused;
        }
    }

    /**
     * What the course costs this buyer: its price with the tax the checkout adds for a course line at their default
     * address (the platform's origin without one), so the wallet and the checkout charge the same.
     */
    private long withTax(UserId me, CourseFacts course) {
        return pricing.price(List.of(new PricedLine(course.courseId().value(), course.priceCents(), 1, TaxClass.COURSE, 0)), 0,
                addresses.destination(addresses.of(me, null))).totalCents();
    }

    /** Sends the grant; when two first grants race, the loser tries once more and meets the winner's enrollment. */
    private Enrolled grant(GrantEnrollment command) {
        EnrollmentId id;
        try {
            id = commands.send(command);
        } catch (DomainException | CommandExecutionException e) {
            if (!is(e, ErrorCode.CONCURRENT_MODIFICATION)) throw e;
            id = commands.send(command);
        }
        return new Enrolled(id.value(), command.courseId().value(), EnrollmentStatus.ACTIVE.value(), command.source(),
                command.reference(), command.paidCents(), command.currency());
    }

    /** Progress on one published lesson; quiz answers are scored here, on the server. */
    record ProgressRequest(@NotNull LessonId lessonId, Boolean completed,
                           @Min(0) @Max(Enrollment.MAX_SECONDS_PER_REPORT) Integer secondsSpent,
                           @Size(max = 500) List<@NotNull @Size(max = 100) List<@NotNull Integer>> quizAnswers) {}

    @PostMapping("/progress")
    @Operation(operationId = "recordCourseProgress", summary = "Record progress on a published lesson of a course you are "
            + "enrolled in: mark it complete, add time spent, or submit a quiz's answers (scored on the server)")
    ProgressSummary progress(@PathVariable CourseId courseId, @Valid @RequestBody ProgressRequest body, Actor actor) {
        UserId me = new UserId(actor.userId());
        if (!enrollments.enrolled(me, courseId))
            throw new DomainException(ErrorCode.PURCHASE_REQUIRED, "you are not enrolled in course " + courseId);
        return commands.send(new RecordProgress(me, courseId, body.lessonId(), Boolean.TRUE.equals(body.completed()),
                body.secondsSpent(), body.quizAnswers()));
    }

    private static boolean is(RuntimeException e, ErrorCode code) {
        if (e instanceof DomainException d) return code.code().equals(d.code());
        return ((CommandExecutionException) e).getDetails()
                .map(d -> d instanceof ErrorDetails details && code.code().equals(details.code())).orElse(false);
    }
}
