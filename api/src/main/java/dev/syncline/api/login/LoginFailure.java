package dev.syncline.api.login;

import java.util.Set;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * The stable {@code reason} of a failed login, from the OAuth error Spring Security (or our own checks)
 * reported. Only known words are passed on: a provider's {@code error} parameter arrives in the callback's
 * query, so anything else is reported as {@code provider_error} rather than echoed.
 */
final class LoginFailure {

    static final String INVALID_STATE = "invalid_state";
    static final String INVALID_REDIRECT_URI = "invalid_redirect_uri";
    static final String INVALID_ID_TOKEN = "invalid_id_token";
    static final String INVALID_NONCE = "invalid_nonce";
    static final String INVALID_REQUEST = "invalid_request";
    static final String CODE_REJECTED = "code_rejected";
    static final String PROVIDER_ERROR = "provider_error";
    static final String MISSING_EMAIL = "missing_email";
    static final String INVALID_LOGIN_CODE = "invalid_login_code";

    /** Errors a provider sends to the callback that a person or an admin can act on (RFC 6749 4.1.2.1, OIDC Core 3.1.2.6). */
    private static final Set<String> PROVIDER_ANSWERS = Set.of(OAuth2ErrorCodes.ACCESS_DENIED, "interaction_required",
            "login_required", "consent_required", "account_selection_required", OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE,
            OAuth2ErrorCodes.SERVER_ERROR, OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, OAuth2ErrorCodes.INVALID_SCOPE);

    private LoginFailure() {
    }

    /**
     * @param stateSent whether the callback carried a {@code state} at all: without one Spring reports a bare
     *                  {@code invalid_request}, which for a login callback is a missing state
     */
    static String reasonOf(OAuth2AuthenticationException failure, boolean stateSent) {
        String code = failure.getError().getErrorCode();
        return switch (code) {
            case "authorization_request_not_found", "invalid_state_parameter", "client_registration_not_found" -> INVALID_STATE;
            case OAuth2ErrorCodes.INVALID_REQUEST -> stateSent ? INVALID_REQUEST : INVALID_STATE;
            case INVALID_REDIRECT_URI, INVALID_ID_TOKEN, INVALID_NONCE -> code;
            // The token endpoint refused the code: used already, expired, or issued for another client or redirect.
            case OAuth2ErrorCodes.INVALID_GRANT, "redirect_uri_mismatch" -> CODE_REJECTED;
            default -> PROVIDER_ANSWERS.contains(code) ? code : PROVIDER_ERROR;
        };
    }
}
