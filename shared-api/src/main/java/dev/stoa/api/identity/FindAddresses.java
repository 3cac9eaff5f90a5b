package dev.stoa.api.identity;

import dev.stoa.api.platform.MayBeNull;
import java.util.List;

/** A user's addresses, the default first. */
public record FindAddresses(UserId userId) {
    /** The answer. */
    public record Result(List<AddressView> items) {}

    /** One address with its id. */
    public record AddressView(String id, String label, String streetLine1, @MayBeNull String streetLine2, String city,
                              @MayBeNull String state, String postalCode, String countryCode, boolean isDefault) {}
}
