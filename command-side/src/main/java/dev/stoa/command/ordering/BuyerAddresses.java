package dev.stoa.command.ordering;

import dev.stoa.api.cart.pricing.Destination;
import dev.stoa.api.cart.pricing.PricingRules;
import dev.stoa.api.identity.Address;
import dev.stoa.api.identity.ReadShippingAddress;
import dev.stoa.api.identity.ShippingAddressRead;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import org.axonframework.commandhandling.CommandExecutionException;
import org.springframework.stereotype.Component;

/**
 * A buyer's address as a sale needs it, from their address book (opened from its seal): the one named, else the
 * default one; and where that puts the sale for its tax (the platform's origin without an address).
 */
@Component
public class BuyerAddresses {
    private final Commands commands;
    private final PricingRules pricing;

    BuyerAddresses(Commands commands, PricingRules pricing) {
        this.commands = commands;
        this.pricing = pricing;
    }

    /**
     * The address in clear, with the account's name to ship to: the one named, else the default one, else null (also
     * for a buyer without an account).
     */
    public ShippingAddressRead of(UserId buyer, String addressId) {
        try {
            return commands.send(new ReadShippingAddress(buyer, addressId));
        } catch (CommandExecutionException e) {
            if (addressId == null && Refusals.is(e, ErrorCode.NOT_FOUND_CODE)) return null;
            throw e;
        }
    }

    /** Where a sale to this address is taxed: its country and state, or the platform's origin without one. */
    public Destination destination(ShippingAddressRead read) {
        Address address = read == null ? null : read.address();
        return address != null ? new Destination(address.countryCode(), address.state()) : pricing.origin();
    }
}
