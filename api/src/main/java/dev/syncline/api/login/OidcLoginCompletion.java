package dev.syncline.api.login;

import dev.syncline.api.identity.TokenResponse;
import dev.syncline.api.identity.UserAccount;
import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.session.ClientDescription;
import dev.syncline.api.session.SessionIssuer;
import dev.syncline.messages.session.LoginMethod;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.stereotype.Component;

/**
 * What a login whose ID token checked out leads to: the Syncline user (found by issuer and subject, or new),
 * then either a session's tokens at once or, when the login asked to go back to a frontend, a one-time
 * login code in the fragment of that frontend URL.
 */
@Component
class OidcLoginCompletion {

    private static final Logger log = LoggerFactory.getLogger(OidcLoginCompletion.class);

    private final OidcUserAccounts accounts;
    private final LoginCodes loginCodes;
    private final SessionIssuer sessions;

    /** The answer to the browser: tokens (200) or a redirect to the frontend (302). */
    sealed interface Outcome permits Tokens, RedirectToFrontend {
    }

    record Tokens(TokenResponse tokens) implements Outcome {
    }

    record RedirectToFrontend(URI location) implements Outcome {

        @Override
        public String toString() {
            return "RedirectToFrontend[<redacted: carries a login code>]";
        }
    }

    OidcLoginCompletion(OidcUserAccounts accounts, LoginCodes loginCodes, SessionIssuer sessions) {
        this.accounts = accounts;
        this.loginCodes = loginCodes;
        this.sessions = sessions;
    }

    /** @throws ApiProblemException when the token has no usable email, or the email is another user's */
    Outcome complete(LoginMethod method, OidcIdToken idToken, Optional<String> redirectTo, HttpServletRequest request) {
        UserAccount user = accounts.signIn(OidcIdentity.of(method, idToken));
        if (redirectTo.isPresent()) {
            String code = loginCodes.issue(user.id(), method);
            log.info("User {} logged in with {}; handing the login to the frontend", user.id(), method);
            return new RedirectToFrontend(URI.create(redirectTo.get() + "#login_code=" + code));
        }
        log.info("User {} logged in with {}", user.id(), method);
        return new Tokens(sessions.start(user, method, ClientDescription.of(request)));
    }
}
