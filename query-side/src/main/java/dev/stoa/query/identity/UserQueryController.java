package dev.stoa.query.identity;

import dev.stoa.api.identity.FindUserById;
import dev.stoa.api.identity.FindUsers;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.identity.UserView;
import dev.stoa.api.platform.Access;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.Roles;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import dev.stoa.api.identity.FindAddresses;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Identity")
class UserQueryController {
    private final Queries queries;

    UserQueryController(Queries queries) { this.queries = queries; }

    record TokenInfo(String userId, String email, Set<String> roles, Instant expiresAt) {}

    @GetMapping("/api/v1/users/me")
    @Operation(operationId = "getMyProfile", summary = "The caller's profile")
    UserView me(@AuthenticationPrincipal Jwt jwt) { return profile(jwt); }

    @GetMapping("/api/v1/auth/verify")
    @Operation(operationId = "verifyToken", summary = "Who this access token belongs to, its roles and when it expires")
    TokenInfo verify(@AuthenticationPrincipal Jwt jwt) {
        UserView user = profile(jwt);
        return new TokenInfo(user.id(), user.email(), Set.copyOf(jwt.getClaimAsStringList("roles")), jwt.getExpiresAt());
    }

    @GetMapping("/api/v1/users/{userId}")
    @Operation(operationId = "getUser", summary = "A user's profile (that user, support, admin; anyone else gets 404)")
    UserView user(@PathVariable UserId userId, Actor actor) {
        Access.requireSelfOr(actor, userId.value(), "user " + userId, Roles.SUPPORT, Roles.ADMIN);
        return profile(userId);
    }

    @GetMapping("/api/v1/admin/users")
    @Operation(operationId = "listUsers", summary = "Find users (admin), newest first: `email` the whole address (any case), "
            + "`q` a part of the address, the first or the last name (any case), `status` (active, suspended, deactivated, "
            + "erased), `role`; each as GET /users/{userId} shows it")
    FindUsers.Result users(@RequestParam(required = false) @jakarta.validation.constraints.Size(max = 254) String email,
                           @RequestParam(required = false) @jakarta.validation.constraints.Size(max = 100) String q,
                           @RequestParam(required = false) String status, @RequestParam(required = false) String role,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                           @RequestParam(defaultValue = "0") @Min(0) int offset) {
        String wantedStatus = given(status), wantedRole = given(role);
        if (wantedStatus != null && !FindUsers.STATUSES.contains(wantedStatus))
            throw DomainException.invalidParameter("status", "must be one of " + String.join(", ", FindUsers.STATUSES));
        if (wantedRole != null && !Roles.ALL.contains(wantedRole))
            throw DomainException.invalidParameter("role", "must be one of " + String.join(", ", new java.util.TreeSet<>(Roles.ALL)));
        return queries.ask(new FindUsers(given(email), given(q), wantedStatus, wantedRole, limit, offset), FindUsers.Result.class);
    }

    private static String given(String value) { return value == null || value.isBlank() ? null : value.trim(); }

    /** A page of a user's addresses, as every list is (at most 20 addresses: the default page holds them all). */
    record AddressPage(List<FindAddresses.AddressView> items, long total, int limit, int offset) {}

    @GetMapping("/api/v1/users/{userId}/addresses")
    @Operation(operationId = "listAddresses", summary = "A user's addresses, the default first (that user, admin); "
            + "{items, total, limit, offset} as every list (it was {items} before 2026-12-06)")
    AddressPage addresses(@PathVariable UserId userId, Actor actor,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
                          @RequestParam(defaultValue = "0") @Min(0) int offset) {
        Access.requireSelfOr(actor, userId.value(), "user " + userId, Roles.ADMIN);
        List<FindAddresses.AddressView> all = queries.ask(new FindAddresses(userId), FindAddresses.Result.class).items();
        List<FindAddresses.AddressView> page = all.stream().skip(offset).limit(limit).toList();
        return new AddressPage(page, all.size(), limit, offset);
    }

    /**
     * One of a user's addresses (that user, admin): the address {@code POST .../addresses} answers in {@code Location}
     * (405 before 2026-12-06, sixth session; found by a walkthrough).
     */
    @GetMapping("/api/v1/users/{userId}/addresses/{addressId}")
    @Operation(operationId = "getAddress", summary = "One of a user's addresses (that user, admin)")
    FindAddresses.AddressView address(@PathVariable UserId userId, @PathVariable java.util.UUID addressId, Actor actor) {
        Access.requireSelfOr(actor, userId.value(), "user " + userId, Roles.ADMIN);
        return queries.ask(new FindAddresses(userId), FindAddresses.Result.class).items().stream()
                .filter(a -> a.id().equals(addressId.toString())).findFirst()
                .orElseThrow(() -> DomainException.notFound("address " + addressId));
    }

    private UserView profile(Jwt jwt) { return profile(new UserId(jwt.getSubject())); }

    private UserView profile(UserId userId) {
        UserView view = queries.ask(new FindUserById(userId), UserView.class);
        if (view == null) throw DomainException.notFound("user " + userId);
        return view;
    }
}
