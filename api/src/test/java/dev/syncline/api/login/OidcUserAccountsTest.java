package dev.syncline.api.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.api.identity.RegistrationRoles;
import dev.syncline.messages.session.LoginMethod;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OidcUserAccountsTest {

    private static final String ADMIN_EMAIL = "boss@example.com";
    private static final RegistrationRoles ROLES = new RegistrationRoles(Set.of(ADMIN_EMAIL));

    @Test
    void aListedEmailThatGoogleVouchesForBecomesAdministrator() {
        OidcIdentity google = new OidcIdentity(LoginMethod.GOOGLE, "https://accounts.google.com", "1", ADMIN_EMAIL, true, null);

        assertThat(OidcUserAccounts.roles(google, ROLES)).contains("ADMIN");
    }

    @Test
    void aListedEmailNobodyVouchesForNeverEarnsAdministrator() {
        OidcIdentity microsoft = new OidcIdentity(LoginMethod.MICROSOFT, "https://login.microsoftonline.com/t/v2.0", "2",
                ADMIN_EMAIL, false, null);

        assertThat(OidcUserAccounts.roles(microsoft, ROLES)).containsExactly("USER");
    }
}
