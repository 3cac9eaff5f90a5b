package dev.stoa.query.identity;

import dev.stoa.api.identity.FindAddresses;
import dev.stoa.api.identity.FindUserById;
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

    public UserQueryHandler(UserViewRepository users, AddressViewRepository addresses) {
        this.users = users;
        this.addresses = addresses;
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
        return users.findById(query.userId().value()).map(u -> new UserView(u.getId(), u.getEmail(), u.getFirstName(),
                u.getLastName(), u.getPhone(), roles(u.getRoles()), u.isEmailVerified(), u.getStatus(), u.getCreatedAt()))
                .orElse(null);
    }

    private static Set<String> roles(String joined) {
        return Arrays.stream(joined.split(",")).filter(r -> !r.isBlank()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
