package dev.syncline.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistrationRolesTest {

    private final RegistrationRoles roles = new RegistrationRoles(Set.of("boss@example.com"));

    @Test
    void listedEmailRegistersAsAdministratorAndUser() {
        assertThat(roles.rolesFor("boss@example.com")).containsExactlyInAnyOrder("ADMIN", "USER");
    }

    @Test
    void everyoneElseRegistersAsUserOnly() {
        assertThat(roles.rolesFor("staff@example.com")).containsExactly("USER");
    }

    @Test
    void withoutListedEmailsNobodyBecomesAdministratorNotEvenTheFirst() {
        RegistrationRoles none = new RegistrationRoles(Set.of());

        assertThat(none.rolesFor("first@example.com")).containsExactly("USER");
    }
}
