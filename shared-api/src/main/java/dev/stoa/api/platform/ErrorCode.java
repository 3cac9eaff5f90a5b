package dev.stoa.api.platform;

import static dev.stoa.api.platform.ErrorKind.*;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every machine {@code code} a problem can carry (API.md: stable, for clients to branch on), with the HTTP status it
 * comes with. A code string may appear under two statuses with two meanings (a bad refresh token is 401, a bad mailed
 * link 422): those are two constants. The OpenAPI document lists, per operation, the codes its code can reach.
 */
public enum ErrorCode {
    // the request itself
    VALIDATION_FAILED("validation_failed", BAD_REQUEST, "A field or parameter is invalid; `errors` names each one."),
    MALFORMED_REQUEST("malformed_request", BAD_REQUEST, "The body is missing, not JSON, or not of the expected shape."),
    BAD_REQUEST_CODE("bad_request", BAD_REQUEST, "The container refused the request (its line or headers)."),
    REQUEST_REJECTED("request_rejected", BAD_REQUEST, "The firewall refused the path or a header (`//`, `;`, encoded dots)."),
    PAYLOAD_TOO_LARGE("payload_too_large", 413, "The body is larger than `stoa.http.max-body-size`."),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415, "The body is not `application/json`."),
    METHOD_NOT_ALLOWED("method_not_allowed", 405, "The path exists, not with this method."),
    NOT_ACCEPTABLE("not_acceptable", 406, "No representation matches the Accept header."),
    URI_TOO_LONG("uri_too_long", 414, "The request line is too long."),
    RANGE_NOT_SATISFIABLE("range_not_satisfiable", 416, "The `Range` of a lesson media request starts past the end of the file; `Content-Range: bytes */<length>` gives its length."),
    EXPECTATION_FAILED("expectation_failed", 417, "An Expect header the server does not support."),
    HEADERS_TOO_LARGE("headers_too_large", 431, "The headers are too large."),
    CONFLICT_CODE("conflict", CONFLICT, "The request conflicts with the resource's state."),
    UNPROCESSABLE_CODE("unprocessable", UNPROCESSABLE, "The request was understood but cannot be processed."),
    // who is asking
    UNAUTHORIZED("unauthorized", UNAUTHENTICATED, "No valid access token."),
    TOKEN_EXPIRED("token_expired", UNAUTHENTICATED, "The access token expired: exchange the refresh token (POST /api/v1/auth/refresh), or log in again."),
    FORBIDDEN_CODE("forbidden", FORBIDDEN, "The caller's roles do not allow this."),
    NOT_FOUND_CODE("not_found", NOT_FOUND, "No such resource (also another user's private one)."),
    RATE_LIMITED_CODE("rate_limited", RATE_LIMITED, "Too many requests from this address to this endpoint; see Retry-After."),
    // identity
    INVALID_CREDENTIALS("invalid_credentials", UNAUTHENTICATED, "Unknown e-mail or wrong password."),
    INVALID_REFRESH_TOKEN("invalid_token", UNAUTHENTICATED, "The refresh token is invalid or expired."),
    INVALID_LINK("invalid_token", UNPROCESSABLE, "The verification or reset link is invalid, expired, used or outdated."),
    INVALID_LOGIN_CODE("invalid_code", UNAUTHENTICATED, "The login code is wrong, expired or used, or none was requested."),
    INVALID_AUTHENTICATOR_CODE("invalid_code", UNPROCESSABLE, "Not the authenticator's current code (MFA activation)."),
    MFA_REQUIRED("mfa_required", UNAUTHENTICATED, "The account uses MFA: send an authenticator or recovery code."),
    INVALID_MFA_CODE("invalid_mfa_code", UNAUTHENTICATED, "Wrong authenticator or recovery code."),
    REAUTHENTICATION_FAILED("reauthentication_failed", UNAUTHENTICATED, "Wrong password or second factor on re-authentication."),
    REFRESH_TOKEN_REVOKED("refresh_token_revoked", UNAUTHENTICATED, "The refresh token was spent or its session logged out."),
    REFRESH_TOKEN_ROTATED("refresh_token_rotated", CONFLICT, "The refresh token was exchanged a moment ago (another tab, a retry): use the pair that exchange returned; the session goes on."),
    SESSION_ENDED("session_ended", UNAUTHENTICATED, "The session began before a suspension, deactivation or new password, or was logged out."),
    SESSION_EXPIRED("session_expired", UNAUTHENTICATED, "The session is older than its absolute lifetime."),
    EMAIL_NOT_VERIFIED("email_not_verified", FORBIDDEN, "The e-mail address is not verified yet."),
    ACCOUNT_SUSPENDED("account_suspended", FORBIDDEN, "The account is suspended."),
    ACCOUNT_DEACTIVATED("account_deactivated", FORBIDDEN, "The account is closed."),
    ACCOUNT_LOCKED("account_locked", RATE_LIMITED, "Too many failed attempts; locked for a while, see Retry-After."),
    DUPLICATE_EMAIL("duplicate_email", CONFLICT, "An account with this e-mail exists."),
    DUPLICATE_ADDRESS("duplicate_address", CONFLICT, "This address id is taken."),
    MFA_ALREADY_ACTIVE("mfa_already_active", CONFLICT, "Multi-factor authentication is on already."),
    MFA_NOT_ACTIVE("mfa_not_active", CONFLICT, "Multi-factor authentication is off."),
    MFA_NOT_ENROLLED("mfa_not_enrolled", UNPROCESSABLE, "Activation before enrolment."),
    LAST_ADMIN_GUARD("last_admin_guard", UNPROCESSABLE, "An admin cannot take away its own admin role, nor suspend, deactivate or erase its own account: another admin does, so the platform never loses its last admin."),
    TOO_MANY_ADDRESSES("too_many_addresses", UNPROCESSABLE, "At most 20 addresses."),
    USER_ERASED("user_erased", UNPROCESSABLE, "The user was erased; nothing personal is stored for it."),
    // catalog
    DUPLICATE_SKU("duplicate_sku", CONFLICT, "The SKU is in use."),
    DUPLICATE_SLUG("duplicate_slug", CONFLICT, "The slug is in use."),
    UNKNOWN_CATEGORY("unknown_category", UNPROCESSABLE, "The category does not exist."),
    UNKNOWN_VENDOR("unknown_vendor", UNPROCESSABLE,
            "The vendorId an admin named is no account with the vendor role (none, without the role, closed or erased)."),
    STOCK_BELOW_RESERVED("stock_below_reserved", UNPROCESSABLE,
            "On hand may not fall below what is reserved (held for orders not paid yet or paid and not shipped yet)."),
    STOCK_CHANGED("stock_changed", CONFLICT,
            "On hand is no longer the expectedOnHand the count names: units shipped, arrived or were counted since. Read the inventory and count again."),
    // reviews
    PURCHASE_REQUIRED("purchase_required", FORBIDDEN,
            "Only a buyer may do this: a confirmed, shipped or delivered order of the product (not cancelled), or access to the course."),
    COURSE_NOT_STARTED("course_not_started", FORBIDDEN, "A course is reviewed by its students after at least one completed lesson."),
    ALREADY_REVIEWED("already_reviewed", CONFLICT, "The caller reviewed this item already (one review per user and item)."),
    // learning (courses and lessons)
    UNKNOWN_INSTRUCTOR("unknown_instructor", UNPROCESSABLE,
            "The instructorId an admin named is no account with the instructor role (none, without the role, closed or erased)."),
    NO_PUBLISHED_LESSON("no_published_lesson", UNPROCESSABLE, "A course needs at least one published lesson to be published."),
    LESSON_CONTENT_MISSING("lesson_content_missing", UNPROCESSABLE, "A video lesson needs its media (or an https link) before it is published."),
    CONTENT_LINK_INVALID("content_link_invalid", FORBIDDEN, "The signed content URL is expired, tampered with or for another file."),
    // inventory
    INSUFFICIENT_STOCK("insufficient_stock", CONFLICT, "Fewer units are available than asked for; the detail names the product and what is available."),
    // wallet and vouchers
    INSUFFICIENT_FUNDS("insufficient_funds", UNPROCESSABLE, "The wallet's balance does not cover the amount."),
    CURRENCY_MISMATCH("currency_mismatch", UNPROCESSABLE, "The amount is in another currency than the wallet or cart it goes to."),
    REFUND_EXCEEDS_DEBIT("refund_exceeds_debit", UNPROCESSABLE, "Refunds of an order may not exceed what was debited for it."),
    VOUCHER_NOT_FOUND("voucher_not_found", NOT_FOUND, "No voucher has this code."),
    VOUCHER_REDEEMED("voucher_redeemed", CONFLICT, "The voucher was redeemed already."),
    VOUCHER_EXPIRED("voucher_expired", UNPROCESSABLE, "The voucher expired."),
    VOUCHER_REVOKED("voucher_revoked", UNPROCESSABLE, "The voucher was withdrawn by an admin."),
    VOUCHER_CURRENCY_MISMATCH("voucher_currency_mismatch", UNPROCESSABLE, "The voucher is in another currency than wallets."),
    // cart and coupons
    PRODUCT_UNAVAILABLE("product_unavailable", UNPROCESSABLE, "The product is not for sale (unlisted or inactive)."),
    ITEM_TYPE_NOT_SUPPORTED("item_type_not_supported", UNPROCESSABLE, "This kind of item cannot be put in a cart yet."),
    COUPON_NOT_FOUND("coupon_not_found", NOT_FOUND, "No coupon has this code."),
    COUPON_NOT_APPLICABLE("coupon_not_applicable", UNPROCESSABLE,
            "The coupon does not apply: inactive, outside its window, another currency or below its minimum subtotal; `detail` says which."),
    COUPON_EXHAUSTED("coupon_exhausted", CONFLICT, "The coupon's total or per-user redemptions are used up."),
    DUPLICATE_COUPON("duplicate_coupon", CONFLICT, "A coupon with this code exists (also a deactivated one)."),
    // ordering
    SHIPPING_ADDRESS_REQUIRED("shipping_address_required", UNPROCESSABLE, "The order has a physical item: a shipping address is required."),
    CART_EMPTY("cart_empty", UNPROCESSABLE, "The cart has no lines to order."),
    PAYMENT_METHOD_UNAVAILABLE("payment_method_unavailable", UNPROCESSABLE,
            "This payment method is not available on this platform (pay by card or from the wallet)."),
    // payments
    REFUND_WINDOW_CLOSED("refund_window_closed", UNPROCESSABLE, "The order was paid longer ago than the refund window (`stoa.refunds.window`)."),
    REFUND_NOT_ELIGIBLE("refund_not_eligible", UNPROCESSABLE,
            "The order cannot be refunded on request (not confirmed, shipped or delivered), or a course in it is past the progress limit."),
    REFUND_EXCEEDS_REMAINING("refund_exceeds_remaining", UNPROCESSABLE, "More units than are left unrefunded on the order's line, or no such line."),
    REFUND_REQUEST_OPEN("refund_request_open", CONFLICT, "The order has an open refund request already; wait for its decision."),
    REFUND_EXCEEDS_CAPTURED("refund_exceeds_captured", UNPROCESSABLE,
            "The refunds of a payment, pending ones included, may not exceed what was captured."),
    PAYMENT_FAILED("payment_failed", UNPROCESSABLE, "The card processor refused the payment or refund request; `detail` says why."),
    INVALID_SIGNATURE("invalid_signature", BAD_REQUEST,
            "A webhook whose Stripe-Signature is missing, wrong or too old (replayed); nothing was applied."),
    RETURN_EXCEEDS_OPENED("return_exceeds_opened", UNPROCESSABLE,
            "More units received than the refund request's return opened for (less those received already), or a product it does not return."),
    // learning: enrollment and progress
    PAYMENT_REQUIRED("payment_required", ErrorKind.PAYMENT_REQUIRED,
            "The course is paid: pay from the wallet (`paymentMethod: wallet`) or add it to the cart and check out (`checkoutUrl`)."),
    COURSE_ALREADY_OWNED("course_already_owned", CONFLICT, "The caller has access to this course already."),
    COURSE_IN_CART("course_in_cart", CONFLICT, "The course is in the cart already (a course is bought once)."),
    COURSE_IN_PENDING_ORDER("course_in_pending_order", CONFLICT,
            "The course is in another order of the caller's that waits for payment: pay that order, or cancel it, first."),
    COURSE_ARCHIVED("course_archived", CONFLICT, "The course is archived: no new enrollments (enrolled students keep access)."),
    CERTIFICATE_REVOKED("certificate_revoked", GONE, "The certificate was revoked: the access to its course was refunded or cancelled."),
    ENROLLMENT_REVOKED("enrollment_revoked", FORBIDDEN, "The caller's access to this course was revoked (refunded or cancelled)."),
    // audit
    UNKNOWN_AGGREGATE_TYPE("unknown_aggregate_type", NOT_FOUND,
            "No aggregate type of this name (kebab-case of the aggregate's class, such as `order` or `user-account`, or its stored type name)."),
    // state and concurrency
    INVALID_TRANSITION("invalid_transition", CONFLICT, "Not allowed in the resource's current state."),
    CONCURRENT_MODIFICATION("concurrent_modification", CONFLICT, "Changed concurrently; retry."),
    // idempotency
    IDEMPOTENCY_KEY_REUSED("idempotency_key_reused", UNPROCESSABLE, "This Idempotency-Key came with another request."),
    IDEMPOTENCY_IN_PROGRESS("idempotency_in_progress", CONFLICT, "The first request with this key still runs; retry later."),
    IDEMPOTENCY_RETRY("idempotency_retry", CONFLICT, "The first request with this key failed; retry."),
    IDEMPOTENCY_RESPONSE_WITHHELD("idempotency_response_withheld", CONFLICT,
            "The first request with this key succeeded; its response carried secrets, never stored."),
    // operations: projections
    REPLAY_NOT_ALLOWED("replay_not_allowed", CONFLICT,
            "The processor has side effects (mail, sagas, erasure, commands): it is never replayed."),
    REBUILD_RUNNING("rebuild_running", CONFLICT, "A rebuild of this read model is running already; see its progress."),
    // the platform
    SERVICE_UNAVAILABLE("service_unavailable", UNAVAILABLE, "A backing service is unreachable; see Retry-After."),
    INTERNAL_ERROR("internal_error", 500, "A bug: quote the X-Correlation-Id."),
    NOT_IMPLEMENTED("not_implemented", 501, "A transfer encoding HTTP/1.1 allows but the server does not support."),
    HTTP_VERSION_NOT_SUPPORTED("http_version_not_supported", 505, "An HTTP version other than 1.x.");

    private final String code;
    private final int status;
    private final ErrorKind kind;
    private final String meaning;

    ErrorCode(String code, ErrorKind kind, String meaning) {
        this(code, kind.status(), kind, meaning);
    }

    ErrorCode(String code, int status, String meaning) {
        this(code, status, null, meaning);
    }

    ErrorCode(String code, int status, ErrorKind kind, String meaning) {
        this.code = code;
        this.status = status;
        this.kind = kind;
        this.meaning = meaning;
    }

    /** The string clients see in a problem's {@code code}. */
    public String code() { return code; }

    public int status() { return status; }

    /** How a domain refusal of this code is classified; null for codes only the HTTP layer raises. */
    public ErrorKind kind() { return kind; }

    public String meaning() { return meaning; }

    /** The code a status gets when the framework or the container raises it (no domain rule named one). */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST_CODE;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN_CODE;
            case 404 -> NOT_FOUND_CODE;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT_CODE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 416 -> RANGE_NOT_SATISFIABLE;
            case 417 -> EXPECTATION_FAILED;
            case 422 -> UNPROCESSABLE_CODE;
            case 429 -> RATE_LIMITED_CODE;
            case 431 -> HEADERS_TOO_LARGE;
            case 501 -> NOT_IMPLEMENTED;
            case 503 -> SERVICE_UNAVAILABLE;
            case 505 -> HTTP_VERSION_NOT_SUPPORTED;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST_CODE;
        };
    }

    /** The constant for a code seen under a status. */
    public static Optional<ErrorCode> of(String code, int status) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code) && c.status == status).findFirst();
    }
}
