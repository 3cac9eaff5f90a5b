package dev.stoa.projection.identity;

import dev.stoa.api.identity.AddressRemoved;
import dev.stoa.api.identity.AddressSaved;
import java.time.Instant;
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

    public AddressProjection(AddressViewRepository addresses) { this.addresses = addresses; }

    @EventHandler
    void on(AddressSaved e, @Timestamp Instant at) {
        if (e.previousDefaultId() != null) addresses.findById(e.previousDefaultId()).ifPresent(AddressEntity::notDefault);
        AddressEntity address = addresses.findById(e.addressId())
                .orElseGet(() -> new AddressEntity(e.addressId(), e.userId().value()));
        address.set(e.address(), at);
        addresses.save(address);
    }

    @EventHandler
    void on(AddressRemoved e) { addresses.deleteById(e.addressId()); }

    @ResetHandler
    void reset() { addresses.deleteAllInBatch(); }
}
