package dev.stoa.command.learning;

import dev.stoa.api.cart.RemoveCartItem;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.learning.*;
import dev.stoa.api.ordering.PlaceOrder;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.platform.MayBeNull;
import dev.stoa.api.platform.Money;
import dev.stoa.command.learning.CourseCatalog.CourseFacts;
import dev.stoa.command.ordering.Checkout;
import dev.stoa.command.ordering.PendingCourseOrders;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.RequestContext;
import dev.stoa.command.platform.web.Commands;
import dev.stoa.command.wallet.WalletSettings;
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
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/**
 * Enrolling in a course (free at once; paid from the wallet through an order of the course alone, placed and paid at
 * once; otherwise through the cart and an order) and
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
    private final PendingCourseOrders pendingOrders;
    private final Checkout checkout;
    private final CourseEntitlements entitlements;
    private final WalletSettings wallets;

    EnrollmentCommandController(Commands commands, CourseCatalog catalog, Enrollments enrollments,
                                PendingCourseOrders pendingOrders, Checkout checkout,
                                CourseEntitlements entitlements, WalletSettings wallets) {
        this.wallets = wallets;
        this.checkout = checkout;
        this.entitlements = entitlements;
        this.pendingOrders = pendingOrders;
        this.commands = commands;
        this.catalog = catalog;
        this.enrollments = enrollments;
    }

    /** Body of an enrollment: {@code paymentMethod} {@code wallet} pays a paid course from the wallet. */
    record EnrollRequest(@Pattern(regexp = "wallet|card", message = "must be wallet or card") String paymentMethod) {}

    /**
     * The grant made: {@code source} free, or order for a course bought from the wallet ({@code reference} and
     * {@code orderId} the order's id, {@code orderNumber} its number, {@code paidCents} what the wallet paid, tax
     * included, {@code paymentId} the order's payment as {@code GET /api/v1/payments/{paymentId}} reads it:
     * {@code wallet-<orderId>}, or {@code free-<orderId>} for nothing to pay; since 2026-12-06).
     */
    record Enrolled(String enrollmentId, String courseId, String status, String source, String reference,
                    long paidCents, @MayBeNull String currency, @MayBeNull String orderId,
                    @MayBeNull String orderNumber, @MayBeNull String paymentId) {}

    @PostMapping("/enroll")
    @Operation(operationId = "enrollInCourse", summary = "Enroll in a published course: free at once, paid from your wallet "
            + "(paymentMethod wallet); a paid course otherwise answers 402 payment_required with the way to check out")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Enrolled> enroll(@PathVariable CourseId courseId, @Valid @RequestBody(required = false) EnrollRequest body,
                                    Actor actor) {
        UserId me = new UserId(actor.userId());
        CourseFacts course = catalog.course(courseId).filter(CourseFacts::published)
                .orElseThrow(() -> DomainException.notFound("course " + courseId));
        String method = body == null ? null : body.paymentMethod();
        // a retry of a purchase: its order, whatever came since (the course owned by now, or archived: the order was
        // placed while it was open, as a checkout's same-key retry finishes one)
        if (!course.free() && GrantEnrollment.WALLET.equals(method)) {
            Optional<Checkout.Placed> resumed = checkout.resumedCourse(me, courseId, RequestContext.idempotencyKey().orElse(null));
            if (resumed.isPresent())
                return ResponseEntity.created(URI.create("/api/v1/courses/" + courseId + "/progress"))
                        .body(granted(me, course, resumed.get()));
        }
        if (course.archived())
            throw new DomainException(ErrorCode.COURSE_ARCHIVED, "course " + courseId + " takes no new students");
        if (enrollments.hasAccess(me, courseId))
            throw new DomainException(ErrorCode.COURSE_ALREADY_OWNED, "you are enrolled in this course already");
        // its instructor reads every lesson as such: enrolled, they certified themselves and counted among its students
        // (before 2026-12-07; walkthrough Z8)
        if (course.instructorId().equals(me))
            throw new DomainException(ErrorCode.COURSE_ALREADY_OWNED, "you teach this course: its instructor reads every "
                    + "lesson, and does not enroll in it");
        // a wallet purchase looks for pending orders as a checkout does (Checkout.buyCourse)
        if (course.free()) pendingOrders.requireNoneHolds(me, Set.of(courseId.value()));
        Enrolled enrolled;
        if (course.free()) {
            enrolled = grant(new GrantEnrollment(me, courseId, GrantEnrollment.FREE, GrantEnrollment.FREE, 0, null));
        } else if (GrantEnrollment.WALLET.equals(method)) {
            enrolled = buyFromWallet(me, course);
        } else {
            // a card order of the caller's that holds the course waits for its payment: pay that (409), not a new one
            // (the 402 pointed to a checkout that would be refused so; found by a walkthrough)
            pendingOrders.requireNoneHolds(me, Set.of(courseId.value()));
            throw new DomainException(ErrorCode.PAYMENT_REQUIRED, "course " + courseId + " costs "
                    + Money.format(course.priceCents(), course.currency()) + " before tax (the tax of your default address "
                    + "is added, as at checkout): " + walletOffer(course.currency()) + "add it to your cart "
                    + "(POST /api/v1/cart/items {itemType: course, itemId}) and check out (POST /api/v1/orders)")
                    .with("checkoutUrl", "/api/v1/orders")
                    .with("cartItem", Map.of("itemType", "course", "itemId", courseId.value(), "quantity", 1))
                    .with("priceCents", course.priceCents())
                    .with("currency", course.currency());
        }
        takeOutOfCart(me, courseId);
        return ResponseEntity.created(URI.create("/api/v1/courses/" + courseId + "/progress")).body(enrolled);
    }

    /**
     * The wallet offered only where it can pay: it keeps one currency, and a course priced in another was offered it,
     * then refused 422 currency_mismatch (before 2026-12-06, ninth session; found by a walkthrough).
     */
    private String walletOffer(String currency) {
        return wallets.currency().equals(currency) ? "enroll with {\"paymentMethod\":\"wallet\"}, or " : "";
    }

    /**
     * A course the student now has is taken out of their cart, where it stayed, shown as for sale, until the checkout
     * refused it (409 course_already_owned). Nothing when the cart does not hold it; a refusal (the cart changed at the
     * same moment) leaves it for the checkout to name: the enrollment stands either way.
     */
    private void takeOutOfCart(UserId me, CourseId courseId) {
        try {
            commands.send(new RemoveCartItem(me, courseId.value()));
        } catch (DomainException | CommandExecutionException e) {
            if (!Refusals.is(e, ErrorCode.NOT_FOUND_CODE))
                log.info("Course {} stays in the cart of {}: {}", courseId, me, e.getMessage());
        }
    }

    /**
     * An order of this one course, placed and paid from the wallet as a checkout's ({@link Checkout#buyCourse}): in the
     * buyer's orders, refunded and revoked through a refund request like a course bought at checkout.
     */
    private Enrolled buyFromWallet(UserId me, CourseFacts course) {
        return granted(me, course, checkout.buyCourse(me, course.courseId(), PlaceOrder.WALLET,
                RequestContext.idempotencyKey().orElse(null)));
    }

    /**
     * The answer for a course's order: its course granted here too, by {@code course-entitlements}' own grant with its
     * checks (once per order: the processor's, when it sees the confirmation, changes nothing), so the answer and the
     * next request find the student enrolled; a course refunded before (a retry's order) is not granted again.
     */
    private Enrolled granted(UserId me, CourseFacts course, Checkout.Placed placed) {
        if (!"confirmed".equals(placed.status())) // the wallet confirms at once, or refuses
            throw new IllegalStateException("order " + placed.orderId() + " is " + placed.status());
        try {
            entitlements.grantOrder(placed.orderId());
        } catch (DomainException | CommandExecutionException e) {
            if (!Refusals.is(e, ErrorCode.CONCURRENT_MODIFICATION)) throw e; // the processor's first grant at the same moment
            entitlements.grantOrder(placed.orderId());
        }
        boolean active = enrollments.hasAccess(me, course.courseId());
        return new Enrolled(EnrollmentId.of(me, course.courseId()).value(), course.courseId().value(),
                (active ? EnrollmentStatus.ACTIVE : EnrollmentStatus.REVOKED).value(), GrantEnrollment.ORDER,
                placed.orderId().value(), placed.amounts().totalCents(), placed.amounts().currency(), placed.orderId().value(),
                placed.orderNumber(), placed.paymentReference());
    }

    /** Sends the grant; when two first grants race, the loser tries once more and meets the winner's enrollment. */
    private Enrolled grant(GrantEnrollment command) {
        EnrollmentId id;
        try {
            id = commands.send(command);
        } catch (DomainException | CommandExecutionException e) {
            if (!Refusals.is(e, ErrorCode.CONCURRENT_MODIFICATION)) throw e;
            id = commands.send(command);
        }
        return new Enrolled(id.value(), command.courseId().value(), EnrollmentStatus.ACTIVE.value(), command.source(),
                command.reference(), command.paidCents(), command.currency(), null, null, null);
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
        if (!enrollments.enrolled(me, courseId)) {
            // a course students cannot see (unknown, a draft, archived: 404 to all but its students) is 404, as the
            // course answers (403 before 2026-12-06, fifth session; an archived one's until 2026-12-07, Z33)
            // (its instructor and admins see a draft or an archived one: told to enroll, not that it does not exist; Z37, Z39)
            if (catalog.course(courseId).filter(c -> c.open() || c.managedBy(actor)).isEmpty())
                throw DomainException.notFound("course " + courseId);
            throw new DomainException(ErrorCode.PURCHASE_REQUIRED, "you are not enrolled in course " + courseId);
        }
        return commands.send(new RecordProgress(me, courseId, body.lessonId(), Boolean.TRUE.equals(body.completed()),
                body.secondsSpent(), body.quizAnswers()));
    }
}
