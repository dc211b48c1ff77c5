package dev.syncline.api.login;

import dev.syncline.api.identity.UserStore;
import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.messages.session.LoginMethod;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * Who a verified ID token says signed in: the issuer and subject that identify them for good, and the email
 * and name a new user starts with.
 *
 * @param email         lower-cased
 * @param emailVerified whether the provider vouches for the email (Google does; Microsoft's is whatever the
 *                      tenant or user typed)
 * @param displayName   may be {@code null}
 */
record OidcIdentity(LoginMethod method, String issuer, String subject, String email, boolean emailVerified,
                    String displayName) {

    private static final Pattern SANE_EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final int MAX_NAME_LENGTH = 100;

    /**
     * Google says whether it verified the address and an unverified one is refused; Microsoft's {@code email} (or,
     * without one, {@code preferred_username}) comes unverified, which is acceptable only because an email never
     * links or finds a user here.
     *
     * @throws ApiProblemException when the token carries no usable email
     */
    static OidcIdentity of(LoginMethod method, OidcIdToken idToken) {
        String email = idToken.getEmail();
        if (email == null && method == LoginMethod.MICROSOFT) {
            email = idToken.getPreferredUsername();
        }
        boolean unverified = method == LoginMethod.GOOGLE && !Boolean.TRUE.equals(idToken.getEmailVerified());
        String normalized = UserStore.normalizeEmail(email);
        if (unverified || normalized == null || normalized.length() > 254 || !SANE_EMAIL.matcher(normalized).matches()) {
            throw new ApiProblemException(ProblemType.OIDC_LOGIN_FAILED,
                    "The provider did not confirm an email address for this account.",
                    Map.of("reason", LoginFailure.MISSING_EMAIL));
        }
        return new OidcIdentity(method, idToken.getIssuer().toExternalForm(), idToken.getSubject(), normalized,
                method == LoginMethod.GOOGLE, displayName(idToken.getFullName()));
    }

    private static String displayName(String name) {
        if (name == null) {
            return null;
        }
        String cleaned = name.replaceAll("\\p{Cntrl}", "").strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        return cleaned.length() > MAX_NAME_LENGTH ? cleaned.substring(0, MAX_NAME_LENGTH) : cleaned;
    }
}
