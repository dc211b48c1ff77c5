package dev.syncline.api.login;

import dev.syncline.api.identity.UserAccount;
import dev.syncline.api.identity.UserStore;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code user_identity} table: which user an OpenID Connect issuer and subject sign in as. */
@Repository
class UserIdentityStore {

    private final JdbcClient jdbc;
    private final UserStore users;

    UserIdentityStore(JdbcClient jdbc, UserStore users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    Optional<UserAccount> findUser(String issuer, String subject) {
        return jdbc.sql("SELECT user_id FROM user_identity WHERE issuer = :issuer AND subject = :subject")
                .param("issuer", issuer)
                .param("subject", subject)
                .query(UUID.class)
                .optional()
                .flatMap(users::findById);
    }

    /**
     * Creates a workspace named after the person, the person as its user without a password, and their
     * identity, in one transaction.
     *
     * @throws DuplicateKeyException when the identity or the email exists already (nothing is created then)
     */
    @Transactional
    UserAccount createUser(OidcIdentity identity, Collection<String> roles) {
        String workspaceName = identity.displayName() != null ? identity.displayName() : identity.email();
        UserAccount user = users.createWithWorkspace(workspaceName, identity.email(), identity.displayName(), null, roles);
        jdbc.sql("INSERT INTO user_identity (issuer, subject, user_id, provider) VALUES (:issuer, :subject, :user, :provider)")
                .param("issuer", identity.issuer())
                .param("subject", identity.subject())
                .param("user", user.id())
                .param("provider", identity.method().name().toLowerCase(Locale.ROOT))
                .update();
        return user;
    }
}
