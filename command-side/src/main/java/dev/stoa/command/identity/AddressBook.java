package dev.stoa.command.identity;

import dev.stoa.api.platform.ErrorCode;
import dev.stoa.api.identity.Address;
import dev.stoa.api.platform.Countries;
import dev.stoa.api.platform.DomainException;
import dev.stoa.command.platform.SnapshotState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A user's addresses and their rules: the field limits of API.md and at most one default. */
@SnapshotState
final class AddressBook {
    static final int MAX_ADDRESSES = 20;
    private static final Set<String> LABELS = Set.of("home", "work", "other");
    private final Map<String, Address> addresses = new LinkedHashMap<>();

    /** The address with its personal fields sealed (label, country and the default flag stay readable). */
    static Address sealed(Address a, String userId, dev.stoa.api.platform.PersonalData personal) {
        return new Address(a.label(), personal.seal(userId, a.streetLine1()), personal.seal(userId, a.streetLine2()),
                personal.seal(userId, a.city()), personal.seal(userId, a.state()), personal.seal(userId, a.postalCode()),
                a.countryCode(), a.isDefault());
    }

    void validate(String addressId, Address a) {
        if (a == null) throw DomainException.badInput("address is required");
        if (!LABELS.contains(a.label())) throw DomainException.badInput("label must be home, work or other");
        require(a.streetLine1(), "streetLine1", 200, true);
        require(a.streetLine2(), "streetLine2", 200, false);
        require(a.city(), "city", 100, true);
        require(a.state(), "state", 100, false);
        require(a.postalCode(), "postalCode", 20, true);
        if (!Countries.isCountry(a.countryCode()))
            throw DomainException.badInput("countryCode must be an ISO 3166-1 alpha-2 code such as DE");
        if (!addresses.containsKey(addressId) && addresses.size() >= MAX_ADDRESSES)
            throw new DomainException(ErrorCode.TOO_MANY_ADDRESSES, "at most " + MAX_ADDRESSES + " addresses");
    }

    /** The current default other than {@code addressId}, which a new default replaces. */
    String otherDefault(String addressId) {
        return addresses.entrySet().stream().filter(e -> e.getValue().isDefault() && !e.getKey().equals(addressId))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    boolean has(String addressId) { return addresses.containsKey(addressId); }

    /** The default address's id, or null. */
    String defaultId() {
        return addresses.entrySet().stream().filter(e -> e.getValue().isDefault()).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** One address with its personal fields opened (they are kept sealed, as the events carry them). */
    Address opened(String addressId, String userId, dev.stoa.api.platform.PersonalData personal) {
        Address a = addresses.get(addressId);
        return new Address(a.label(), personal.open(userId, a.streetLine1()), personal.open(userId, a.streetLine2()),
                personal.open(userId, a.city()), personal.open(userId, a.state()), personal.open(userId, a.postalCode()),
                a.countryCode(), a.isDefault());
    }

    void saved(String addressId, Address address, String previousDefaultId) {
        if (previousDefaultId != null) {
            Address old = addresses.get(previousDefaultId);
            addresses.put(previousDefaultId, new Address(old.label(), old.streetLine1(), old.streetLine2(), old.city(),
                    old.state(), old.postalCode(), old.countryCode(), false));
        }
        addresses.put(addressId, address);
    }

    void removed(String addressId) { addresses.remove(addressId); }

    private static void require(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) throw DomainException.badInput(field + " is required");
            return;
        }
        if (value.length() > max) throw DomainException.badInput(field + " must be at most " + max + " characters");
    }
}
