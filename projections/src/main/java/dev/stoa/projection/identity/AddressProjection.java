package dev.stoa.projection.identity;

import dev.stoa.api.identity.Address;
import dev.stoa.api.identity.AddressRemoved;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.api.identity.AddressSaved;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Builds {@code user_address_view}; part of the user read model's processing group. */
@Component
@ProcessingGroup(UserProjection.NAME)
public class AddressProjection {
    private final AddressViewRepository addresses;
    private final PersonalData personal;

    public AddressProjection(AddressViewRepository addresses, PersonalData personal) {
        this.addresses = addresses;
        this.personal = personal;
    }

    @EventHandler
    void on(AddressSaved e, @Timestamp Instant at) {
        String id = e.userId().value();
        if (e.previousDefaultId() != null)
            addresses.findById(new AddressEntity.Key(id, e.previousDefaultId())).ifPresent(AddressEntity::notDefault);
        AddressEntity address = addresses.findById(new AddressEntity.Key(id, e.addressId()))
                .orElseGet(() -> new AddressEntity(e.addressId(), id));
        Address a = e.address();
        UnaryOperator<String> open = personal.opener(id);
        address.set(new Address(a.label(), open.apply(a.streetLine1()), open.apply(a.streetLine2()),
                open.apply(a.city()), open.apply(a.state()), open.apply(a.postalCode()),
                a.countryCode(), a.isDefault()), at);
        addresses.save(address);
    }

    @EventHandler
    void on(AddressRemoved e) { addresses.deleteById(new AddressEntity.Key(e.userId().value(), e.addressId())); }

    @ResetHandler
    void reset() { addresses.deleteAllInBatch(); }
}
