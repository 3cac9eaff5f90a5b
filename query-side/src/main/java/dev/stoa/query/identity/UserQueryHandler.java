package dev.stoa.query.identity;

import dev.stoa.api.identity.FindAddresses;
import dev.stoa.api.identity.FindUserById;
import dev.stoa.api.identity.FindUsers;
import dev.stoa.projection.identity.UserEntity;
import java.util.Locale;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import dev.stoa.api.identity.UserView;
import dev.stoa.projection.identity.AddressViewRepository;
import dev.stoa.projection.identity.UserViewRepository;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers profile queries from user_view. */
@Component
public class UserQueryHandler {
    private final UserViewRepository users;
    private final AddressViewRepository addresses;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    public UserQueryHandler(UserViewRepository users, AddressViewRepository addresses,
                            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.users = users;
        this.addresses = addresses;
        this.jdbc = jdbc;
    }

    /** The account's lifecycle from {@code user_account_history}, oldest first. */
    @QueryHandler
    public dev.stoa.api.identity.FindAccountHistory.Result handle(dev.stoa.api.identity.FindAccountHistory query) {
        return new dev.stoa.api.identity.FindAccountHistory.Result(jdbc.query(
                "select at, change, reason from user_account_history where user_id = ? order by at, event_id",
                (row, i) -> new dev.stoa.api.identity.FindAccountHistory.Change(row.getTimestamp(1).toInstant(),
                        row.getString(2), row.getString(3)), query.userId().value()));
    }

    @QueryHandler
    public FindAddresses.Result handle(FindAddresses query) {
        return new FindAddresses.Result(addresses.findByUserIdOrderByIsDefaultDescUpdatedAtAsc(query.userId().value())
                .stream().map(a -> new FindAddresses.AddressView(a.getId(), a.getLabel(), a.getStreetLine1(),
                        a.getStreetLine2(), a.getCity(), a.getState(), a.getPostalCode(), a.getCountryCode(), a.isDefault()))
                .toList());
    }

    @QueryHandler
    public UserView handle(FindUserById query) {
        return users.findById(query.userId().value()).map(UserQueryHandler::view).orElse(null);
    }

    /** The admin's search ({@link FindUsers}): every filter given must hold; newest first, then by id. */
    @QueryHandler
    public FindUsers.Result handle(FindUsers query) {
        Specification<UserEntity> where = (root, q, cb) -> cb.conjunction();
        if (query.email() != null)
            where = where.and((root, q, cb) -> cb.equal(cb.lower(root.get("email")), query.email().toLowerCase(Locale.ROOT)));
        if (query.q() != null) {
            String part = "%" + query.q().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            where = where.and((root, q, cb) -> cb.or(cb.like(cb.lower(root.get("email")), part, '\\'),
                    cb.like(cb.lower(root.get("firstName")), part, '\\'), cb.like(cb.lower(root.get("lastName")), part, '\\')));
        }
        if (query.status() != null) where = where.and((root, q, cb) -> cb.equal(root.get("status"), query.status()));
        if (query.role() != null)
            where = where.and((root, q, cb) -> cb.like(cb.concat(cb.concat(",", root.get("roles")), ","),
                    "%," + query.role() + ",%"));
        Page<UserEntity> page = users.findAll(where, new dev.stoa.query.platform.OffsetPage(query.offset(), query.limit(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
        return new FindUsers.Result(page.getContent().stream().map(UserQueryHandler::view).toList(), page.getTotalElements(),
                query.limit(), query.offset());
    }

    private static UserView view(dev.stoa.projection.identity.UserEntity u) {
        return new UserView(u.getId(), u.getEmail(), u.getFirstName(), u.getLastName(), u.getPhone(), roles(u.getRoles()),
                u.isEmailVerified(), u.getStatus(), u.getCreatedAt(), u.getLastLoginAt(), u.getSuspendedAt(),
                u.getSuspensionReason());
    }

    private static Set<String> roles(String joined) {
        return Arrays.stream(joined.split(",")).filter(r -> !r.isBlank()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
