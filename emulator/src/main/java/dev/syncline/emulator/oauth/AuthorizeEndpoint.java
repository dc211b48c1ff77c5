package dev.syncline.emulator.oauth;

import dev.syncline.emulator.EmulatedUser;
import dev.syncline.emulator.ProviderConfig;
import dev.syncline.emulator.http.FormData;
import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.state.AuthorizationCode;
import dev.syncline.emulator.state.ProviderState;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization endpoint of one provider. It validates the client and redirect URI first
 * (defects there get an error page, never a redirect), then the rest (defects there are
 * redirected as {@code invalid_request}), picks the user and either consents at once or shows
 * the consent form, whose POST comes back to {@link #decide(Request)}.
 */
final class AuthorizeEndpoint {

    private final ProviderState state;
    private final OAuthDialect dialect;
    private final RedirectUriPolicy redirectUris;
    private final String providerName;

    AuthorizeEndpoint(ProviderState state, OAuthDialect dialect, String providerName) {
        this.state = state;
        this.dialect = dialect;
        this.redirectUris = new RedirectUriPolicy(state.config().redirectUriPrefixes());
        this.providerName = providerName;
    }

    /** The browser arrives with the request in the query string. */
    Response show(Request request) {
        state.counters().authorizeCalled();
        AuthorizationRequest authorization = AuthorizationRequest.from(request.query());
        return validate(authorization).orElseGet(() -> {
            EmulatedUser user = userFor(authorization.loginHint()).orElseThrow();
            if (state.settings().autoConsent()) {
                return allow(authorization, user);
            }
            return HtmlPages.consent(providerName, request.path(), authorization.asParameters(),
                    authorization.scope(), state.users().all(), user);
        });
    }

    /** The consent form comes back with the same parameters plus the decision and chosen user. */
    Response decide(Request request) {
        Map<String, String> form = request.form();
        AuthorizationRequest authorization = AuthorizationRequest.from(form);
        return validate(authorization).orElseGet(() -> {
            if (!"allow".equals(form.get("decision"))) {
                Map<String, String> error = new LinkedHashMap<>();
                error.put("error", "access_denied");
                if (!dialect.accessDeniedDescription().isEmpty()) {
                    error.put("error_description", dialect.accessDeniedDescription());
                }
                return redirect(authorization, error);
            }
            return allow(authorization, userFor(authorization.loginHint()).orElseThrow());
        });
    }

    private Optional<Response> validate(AuthorizationRequest request) {
        ProviderConfig client = state.config();
        if (request.clientId() == null || request.clientId().isBlank()) {
            return Optional.of(dialect.authorizeErrorPage(AuthorizePageError.MISSING_CLIENT_ID, ""));
        }
        if (!client.clientId().equals(request.clientId())) {
            return Optional.of(dialect.authorizeErrorPage(AuthorizePageError.UNKNOWN_CLIENT, request.clientId()));
        }
        if (!redirectUris.allows(request.redirectUri())) {
            String sent = request.redirectUri() == null ? "" : request.redirectUri();
            return Optional.of(dialect.authorizeErrorPage(AuthorizePageError.INVALID_REDIRECT_URI, sent));
        }
        // From here on the redirect URI is trusted, so defects go back to the client.
        if (!"code".equals(request.responseType())) {
            String sent = request.responseType() == null ? "" : request.responseType();
            return Optional.of(invalidRequest(request, AuthorizeProblem.UNSUPPORTED_RESPONSE_TYPE, sent));
        }
        if (request.scope() == null || request.scope().isBlank()) {
            return Optional.of(invalidRequest(request, AuthorizeProblem.MISSING_PARAMETER, "scope"));
        }
        if (request.codeChallenge() == null || request.codeChallenge().isBlank()) {
            return Optional.of(invalidRequest(request, AuthorizeProblem.MISSING_PARAMETER, "code_challenge"));
        }
        if (!"S256".equals(request.codeChallengeMethod())) {
            String sent = request.codeChallengeMethod() == null ? "" : request.codeChallengeMethod();
            return Optional.of(invalidRequest(request, AuthorizeProblem.UNSUPPORTED_CHALLENGE_METHOD, sent));
        }
        if (!Pkce.isWellFormedChallenge(request.codeChallenge())) {
            return Optional.of(invalidRequest(request, AuthorizeProblem.MALFORMED_CODE_CHALLENGE, ""));
        }
        if (state.users().defaultUser().isEmpty()) {
            return Optional.of(dialect.authorizeErrorPage(AuthorizePageError.NO_USER, ""));
        }
        return Optional.empty();
    }

    private Optional<EmulatedUser> userFor(String loginHint) {
        return state.users().find(loginHint).or(() -> state.users().defaultUser());
    }

    private Response allow(AuthorizationRequest request, EmulatedUser user) {
        boolean holdsRefreshToken = state.grants().hasLiveRefreshToken(user.email(), request.clientId());
        AuthorizationCode code = state.codes().issue(request.clientId(), request.redirectUri(), user, request.scope(),
                request.codeChallenge(), dialect.issuesRefreshToken(request, holdsRefreshToken), request.nonce());
        return redirect(request, Map.of("code", code.value()));
    }

    private Response invalidRequest(AuthorizationRequest request, AuthorizeProblem problem, String detail) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("error", "invalid_request");
        error.put("error_description", dialect.authorizeErrorDescription(problem, detail));
        return redirect(request, error);
    }

    /** Adds the parameters (and the client's state, verbatim) to the redirect URI's own query. */
    private static Response redirect(AuthorizationRequest request, Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        if (request.state() != null) {
            all.put("state", request.state());
        }
        String target = request.redirectUri();
        String separator = target.contains("?") ? "&" : "?";
        return Response.redirect(URI.create(target + separator + FormData.encode(all)));
    }
}
