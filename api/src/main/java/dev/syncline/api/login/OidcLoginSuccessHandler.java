package dev.syncline.api.login;

import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.messages.session.LoginMethod;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finishes a callback whose ID token checked out: 200 with the session's tokens, or 302 to the frontend with a
 * login code in the fragment. Neither answer may be cached, and the redirect sends no Referer. A refusal (no
 * usable email, email of another user) is a problem detail like any other.
 */
final class OidcLoginSuccessHandler implements AuthenticationSuccessHandler {

    private final ObjectProvider<OidcLoginCompletion> completion;
    private final ObjectProvider<JsonMapper> json;
    private final ProblemResponder problems;

    /** The collaborators come lazily: the security filter chain is built before the persistence and Axon wiring. */
    OidcLoginSuccessHandler(ObjectProvider<OidcLoginCompletion> completion, ObjectProvider<JsonMapper> json,
                            ProblemResponder problems) {
        this.completion = completion;
        this.json = json;
        this.problems = problems;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        OAuth2AuthenticationToken login = (OAuth2AuthenticationToken) authentication;
        LoginMethod method = LoginProviders.method(login.getAuthorizedClientRegistrationId()).orElseThrow();
        OidcUser user = (OidcUser) login.getPrincipal();
        OidcLoginCompletion.Outcome outcome;
        try {
            outcome = completion.getObject().complete(method, user.getIdToken(), redirectTarget(request), request);
        } catch (ApiProblemException e) {
            problems.respond(request, response, e);
            return;
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        if (outcome instanceof OidcLoginCompletion.RedirectToFrontend redirect) {
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader(HttpHeaders.LOCATION, redirect.location().toString());
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.getObject().writeValue(response.getOutputStream(), ((OidcLoginCompletion.Tokens) outcome).tokens());
    }

    private static Optional<String> redirectTarget(HttpServletRequest request) {
        return Optional.ofNullable(request.getAttribute(LoginAuthorizationRequestRepository.TAKEN_REQUEST))
                .map(OAuth2AuthorizationRequest.class::cast)
                .map(taken -> taken.<String>getAttribute(LoginAuthorizationRequestResolver.REDIRECT_TO_ATTRIBUTE));
    }
}
