package dev.syncline.api.login;

import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Answers a callback that did not log anyone in: 401, type {@code oidc-login-failed}, and a stable
 * {@code reason}. The detail is ours; Spring's error descriptions (which may quote claims) stay out of it, and
 * the log line names the reason and provider only, never a code, state or token.
 */
final class OidcLoginFailureHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(OidcLoginFailureHandler.class);

    private final ProblemResponder problems;

    OidcLoginFailureHandler(ProblemResponder problems) {
        this.problems = problems;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String reason = exception instanceof OAuth2AuthenticationException oauth
                ? LoginFailure.reasonOf(oauth, request.getParameter(OAuth2ParameterNames.STATE) != null)
                : LoginFailure.PROVIDER_ERROR;
        log.info("OIDC login{} failed: {}", provider(request), reason);
        problems.respond(request, response, new ApiProblemException(ProblemType.OIDC_LOGIN_FAILED, detail(reason),
                Map.of("reason", reason)));
    }

    private static String provider(HttpServletRequest request) {
        return request.getAttribute(LoginAuthorizationRequestRepository.TAKEN_REQUEST) instanceof OAuth2AuthorizationRequest taken
                ? " with " + taken.getAttribute(OAuth2ParameterNames.REGISTRATION_ID)
                : "";
    }

    private static String detail(String reason) {
        return switch (reason) {
            case LoginFailure.INVALID_STATE -> "The login's state is missing, unknown, already used, expired or was"
                    + " started in another browser. Start the login again.";
            case LoginFailure.INVALID_REDIRECT_URI -> "The provider's answer arrived at the callback of another"
                    + " provider. Start the login again.";
            case LoginFailure.INVALID_ID_TOKEN -> "The provider's ID token is not valid (signature, issuer, audience"
                    + " or lifetime). Start the login again.";
            case LoginFailure.INVALID_NONCE -> "The provider's ID token was not issued for this login. Start the login again.";
            case LoginFailure.CODE_REJECTED -> "The provider refused the authorization code. Start the login again.";
            case LoginFailure.INVALID_REQUEST -> "The provider's answer is incomplete. Start the login again.";
            case LoginFailure.PROVIDER_ERROR -> "The provider could not complete the login. Try again later.";
            default -> "The provider did not log you in (" + reason + ").";
        };
    }
}
