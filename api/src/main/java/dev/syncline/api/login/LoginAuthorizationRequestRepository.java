package dev.syncline.api.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Where Spring keeps a login's authorization request between the redirect to the provider and the callback:
 * the {@link LoginRequestStore}, bound to the browser by {@link BrowserBinding}. Taking the request back is
 * also where the callback is checked to be the one the request named (mix-up defence, RFC 9700 section 4.4):
 * Spring Security 7 no longer compares redirect URIs, so a Google response delivered to the Microsoft
 * callback would otherwise complete as a Google login.
 */
final class LoginAuthorizationRequestRepository implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    /** The request attribute under which the taken request stays visible to the success and failure handlers. */
    static final String TAKEN_REQUEST = LoginAuthorizationRequestRepository.class.getName() + ".TAKEN";

    private final Supplier<LoginRequestStore> store;
    private final BrowserBinding binding;

    /** @param store supplied on first use: the security filter chain is built before the persistence wiring */
    LoginAuthorizationRequestRepository(Supplier<LoginRequestStore> store, BrowserBinding binding) {
        this.store = store;
        this.binding = binding;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        return store.get().find(request.getParameter(OAuth2ParameterNames.STATE), binding.presentedKey(request)).orElse(null);
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
                                         HttpServletResponse response) {
        if (authorizationRequest == null) {
            removeAuthorizationRequest(request, response);
            return;
        }
        store.get().save(authorizationRequest, binding.bind(request, response));
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request, HttpServletResponse response) {
        Optional<OAuth2AuthorizationRequest> taken =
                store.get().consume(request.getParameter(OAuth2ParameterNames.STATE), binding.presentedKey(request));
        if (taken.isEmpty()) {
            return null;
        }
        request.setAttribute(TAKEN_REQUEST, taken.get());
        String expectedPath = URI.create(taken.get().getRedirectUri()).getRawPath();
        if (!expectedPath.equals(request.getRequestURI())) {
            throw new OAuth2AuthenticationException(new OAuth2Error(LoginFailure.INVALID_REDIRECT_URI,
                    "The authorization response arrived at another callback than its request named.", null));
        }
        return taken.get();
    }
}
