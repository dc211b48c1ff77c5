package dev.syncline.api.login;

import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Starts a login on {@code GET /api/v1/auth/login/{provider}[?redirect_to=…]}: Spring's authorization request
 * ({@code state}, {@code nonce}, PKCE S256 even though the client is confidential) plus the post-login redirect
 * target. Everything that can be wrong with the request is refused here, before any redirect to the provider:
 * an unknown provider (404) and a redirect target off the frontend origins (400). Other methods on the same
 * path are not a login start (only {@code POST /api/v1/auth/login}, without provider, is the password login).
 */
final class LoginAuthorizationRequestResolver implements OAuth2AuthorizationRequestResolver {

    static final String BASE_URI = "/api/v1/auth/login";
    static final String REDIRECT_TO_PARAMETER = "redirect_to";
    /** Where the redirect target travels with the authorization request (and into the stored row). */
    static final String REDIRECT_TO_ATTRIBUTE = "syncline_redirect_to";

    private final LoginClientRegistrations registrations;
    private final List<String> frontendOrigins;
    private final DefaultOAuth2AuthorizationRequestResolver delegate;
    private final PathPatternRequestMatcher loginStart =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, BASE_URI + "/{registrationId}");

    LoginAuthorizationRequestResolver(LoginClientRegistrations registrations, List<String> frontendOrigins) {
        this.registrations = registrations;
        this.frontendOrigins = List.copyOf(frontendOrigins);
        this.delegate = new DefaultOAuth2AuthorizationRequestResolver(registrations, BASE_URI);
        this.delegate.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        if (!loginStart.matches(request)) {
            return null;
        }
        return resolve(request, loginStart.matcher(request).getVariables().get("registrationId"));
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
        if (registrations.findByRegistrationId(registrationId) == null) {
            throw new ApiProblemException(ProblemType.NOT_FOUND, "There is no login with this provider; available: "
                    + String.join(", ", registrations.registrationIds()) + ".");
        }
        Optional<URI> redirectTo = redirectTarget(request);
        OAuth2AuthorizationRequest authorizationRequest = delegate.resolve(request, registrationId);
        return redirectTo.map(target -> OAuth2AuthorizationRequest.from(authorizationRequest)
                        .attributes(attributes -> attributes.put(REDIRECT_TO_ATTRIBUTE, target.toString()))
                        .build())
                .orElse(authorizationRequest);
    }

    private Optional<URI> redirectTarget(HttpServletRequest request) {
        String target = request.getParameter(REDIRECT_TO_PARAMETER);
        if (target == null) {
            return Optional.empty();
        }
        return Optional.of(FrontendRedirect.allowed(target, frontendOrigins).orElseThrow(() ->
                new ApiProblemException(ProblemType.REDIRECT_NOT_ALLOWED,
                        "redirect_to must be an http(s) URL without fragment on one of the configured frontend origins.")));
    }
}
