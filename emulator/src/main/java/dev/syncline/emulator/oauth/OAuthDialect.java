package dev.syncline.emulator.oauth;

import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.fault.FaultEndpoint;
import dev.syncline.emulator.http.Response;

import java.util.Map;

/**
 * How one provider words its OAuth answers: error statuses and bodies, the token response, and
 * the refresh-token policy. Endpoints are shared; only the dialect differs between providers.
 */
public interface OAuthDialect {

    EmulatedProvider provider();

    /** Google: offline access and forced or first consent; Microsoft: the offline_access scope. */
    boolean issuesRefreshToken(AuthorizationRequest request, boolean userHoldsRefreshToken);

    /** Microsoft hands out a new refresh token on every refresh; Google keeps the old one. */
    boolean rotatesRefreshTokens();

    Map<String, Object> tokenResponse(IssuedTokens tokens);

    Response tokenError(TokenError error, String detail);

    String authorizeErrorDescription(AuthorizeProblem problem, String detail);

    /** The error_description sent with {@code error=access_denied}; empty for none. */
    String accessDeniedDescription();

    Response authorizeErrorPage(AuthorizePageError error, String detail);

    /** 401 for a bearer token that is absent ({@code null}), unknown, expired or revoked. */
    Response invalidBearerToken(String presentedToken);

    /** A 5xx answer of the endpoint, shaped like that provider's front end. */
    Response serverError(FaultEndpoint endpoint, int status);
}
