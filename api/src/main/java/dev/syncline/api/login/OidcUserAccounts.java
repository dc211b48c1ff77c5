package dev.syncline.api.login;

import dev.syncline.api.identity.RegistrationRoles;
import dev.syncline.api.identity.UserAccount;
import dev.syncline.api.identity.UserStore;
import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.api.security.CurrentUser;
import dev.syncline.api.security.SecurityProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Finds the user an OpenID Connect identity signs in as, or creates one on the first login (a workspace of
 * their own, roles as at registration). An email that already belongs to another user, whether they sign in
 * by password or with another provider, is never linked to the new identity: the login is refused, since
 * whoever controls an account at some provider would otherwise take over the Syncline user of that email.
 */
@Service
class OidcUserAccounts {

    private static final Logger log = LoggerFactory.getLogger(OidcUserAccounts.class);

    private final UserIdentityStore identities;
    private final UserStore users;
    private final RegistrationRoles registrationRoles;

    OidcUserAccounts(UserIdentityStore identities, UserStore users, SecurityProperties security) {
        this.identities = identities;
        this.users = users;
        this.registrationRoles = new RegistrationRoles(security.normalizedAdminEmails());
    }

    /** @throws ApiProblemException {@link ProblemType#ACCOUNT_NOT_LINKED} when the email is another user's */
    UserAccount signIn(OidcIdentity identity) {
        return identities.findUser(identity.issuer(), identity.subject()).orElseGet(() -> firstLogin(identity));
    }

    private UserAccount firstLogin(OidcIdentity identity) {
        if (users.findByEmail(identity.email()).isPresent()) {
            throw notLinked(identity);
        }
        try {
            UserAccount user = identities.createUser(identity, roles(identity, registrationRoles));
            log.info("Created user {} in new workspace {} on first {} login", user.id(), user.workspaceId(), identity.method());
            return user;
        } catch (DuplicateKeyException e) {
            // Another first login of the same identity won the race, or the email was registered meanwhile.
            return identities.findUser(identity.issuer(), identity.subject()).orElseThrow(() -> notLinked(identity));
        }
    }

    /**
     * Roles as at registration, except that an email the provider does not vouch for never earns ADMIN: anyone
     * can type an administrator's address into a Microsoft account of their own.
     */
    static List<String> roles(OidcIdentity identity, RegistrationRoles registrationRoles) {
        return identity.emailVerified() ? registrationRoles.rolesFor(identity.email()) : List.of(CurrentUser.ROLE_USER);
    }

    private static ApiProblemException notLinked(OidcIdentity identity) {
        log.info("Refused a first {} login: its email belongs to another user", identity.method());
        return new ApiProblemException(ProblemType.ACCOUNT_NOT_LINKED, "A Syncline account with this email address "
                + "exists already and signs in another way. Sign in as before; accounts are not linked automatically.");
    }
}
