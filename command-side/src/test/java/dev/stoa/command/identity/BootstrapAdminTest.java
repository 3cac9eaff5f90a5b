package dev.stoa.command.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.stoa.command.platform.UniqueKeys;
import dev.stoa.command.platform.web.Commands;
import org.junit.jupiter.api.Test;

class BootstrapAdminTest {
    private final UniqueKeys keys = mock(UniqueKeys.class);

    private BootstrapAdmin admin(String email, String password) {
        return new BootstrapAdmin(mock(Commands.class), keys, () -> true, email, password);
    }

    @Test
    void itsEmailIsReservedFromSignUps_untilTheAccountIsOpened() {
        BootstrapAdmin admin = admin("Admin@Shop.example", "a-long-secret-password");
        when(keys.exists(BootstrapAdmin.MARKER, BootstrapAdmin.MARKER)).thenReturn(false);
        assertThat(admin.reserves("admin@shop.example")).as("the same address, any case").isTrue();
        assertThat(admin.reserves(" ADMIN@shop.example ")).isTrue();
        assertThat(admin.reserves("someone@shop.example")).isFalse();

        when(keys.exists(BootstrapAdmin.MARKER, BootstrapAdmin.MARKER)).thenReturn(true);
        assertThat(admin.reserves("admin@shop.example")).as("opened: the account's own key decides").isFalse();
    }

    @Test
    void withoutABootstrapAdmin_nothingIsReserved() {
        when(keys.exists(BootstrapAdmin.MARKER, BootstrapAdmin.MARKER)).thenReturn(false);
        assertThat(admin("", "").reserves("admin@shop.example")).isFalse();
        assertThat(admin("admin@shop.example", "").reserves("admin@shop.example")).isFalse();
    }
}
