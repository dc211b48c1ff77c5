package dev.syncline.emulator.oauth;

import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.fault.FaultEndpoint;
import dev.syncline.emulator.http.Response;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Google's wording: flat {@code {"error","error_description"}} bodies, no refresh-token rotation. */
public final class GoogleDialect implements OAuthDialect {

    /** The exact body PROVIDERS.md documents for a dead refresh token. */
    static final String DEAD_REFRESH_TOKEN = "Token has been expired or revoked.";

    @Override
    public EmulatedProvider provider() {
        return EmulatedProvider.GOOGLE;
    }

    @Override
    public boolean issuesRefreshToken(AuthorizationRequest request, boolean userHoldsRefreshToken) {
        boolean forcedConsent = request.prompt() != null
                && Arrays.asList(request.prompt().split(" ")).contains("consent");
        return "offline".equals(request.accessType()) && (forcedConsent || !userHoldsRefreshToken);
    }

    @Override
    public boolean rotatesRefreshTokens() {
        return false;
    }

    @Override
    public Map<String, Object> tokenResponse(IssuedTokens tokens) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.accessToken());
        body.put("expires_in", tokens.expiresInSeconds());
        tokens.refreshToken().ifPresent(refresh -> body.put("refresh_token", refresh));
        body.put("scope", tokens.scope());
        body.put("token_type", "Bearer");
        tokens.idToken().ifPresent(idToken -> body.put("id_token", idToken));
        return body;
    }

    @Override
    public Response tokenError(TokenError error, String detail) {
        return switch (error) {
            case MISSING_CLIENT_ID -> oauthError(400, "invalid_request", "Could not determine client ID from request.");
            case UNKNOWN_CLIENT -> oauthError(401, "invalid_client", "The OAuth client was not found.");
            case MISSING_CLIENT_SECRET -> oauthError(400, "invalid_request", "client_secret is missing.");
            case WRONG_CLIENT_SECRET -> oauthError(401, "invalid_client", "Unauthorized");
            case MISSING_PARAMETER -> oauthError(400, "invalid_request", "Missing required parameter: " + detail);
            case UNSUPPORTED_GRANT_TYPE -> oauthError(400, "unsupported_grant_type", "Invalid grant_type: " + detail);
            case UNKNOWN_TENANT -> oauthError(400, "invalid_request", "Bad Request");
            case INVALID_CODE, EXPIRED_CODE, CODE_VERIFIER_MISMATCH -> oauthError(400, "invalid_grant", "Bad Request");
            case MISSING_CODE_VERIFIER -> oauthError(400, "invalid_grant", "Missing code verifier.");
            case REDIRECT_URI_MISMATCH -> oauthError(400, "redirect_uri_mismatch", "Bad Request");
            case UNKNOWN_REFRESH_TOKEN, REVOKED_GRANT, INVALID_GRANT ->
                    oauthError(400, "invalid_grant", DEAD_REFRESH_TOKEN);
            case INTERACTION_REQUIRED -> oauthError(400, "interaction_required", "User interaction is required.");
            case TEMPORARILY_UNAVAILABLE ->
                    oauthError(503, "temporarily_unavailable", "The service is currently unavailable.");
        };
    }

    @Override
    public String authorizeErrorDescription(AuthorizeProblem problem, String detail) {
        return switch (problem) {
            case UNSUPPORTED_RESPONSE_TYPE -> "Invalid response_type: " + detail;
            case MISSING_PARAMETER -> "Missing required parameter: " + detail;
            case UNSUPPORTED_CHALLENGE_METHOD -> "Invalid code_challenge_method: " + (detail.isEmpty() ? "plain" : detail);
            case MALFORMED_CODE_CHALLENGE -> "Invalid code_challenge.";
        };
    }

    @Override
    public String accessDeniedDescription() {
        return "";
    }

    @Override
    public Response authorizeErrorPage(AuthorizePageError error, String detail) {
        return switch (error) {
            case MISSING_CLIENT_ID -> HtmlPages.error("Error 400: invalid_request", "Missing required parameter: client_id");
            case UNKNOWN_CLIENT -> HtmlPages.error("Error 401: invalid_client", "The OAuth client was not found.");
            case INVALID_REDIRECT_URI -> HtmlPages.error("Error 400: redirect_uri_mismatch",
                    "The redirect URI in the request, " + detail + ", does not match the ones authorized for the OAuth client.");
            case UNKNOWN_TENANT -> HtmlPages.error("Error 400: invalid_request", "Unknown tenant " + detail);
            case NO_USER -> HtmlPages.error("No account", "The emulator has no Google user to sign in.");
        };
    }

    @Override
    public Response invalidBearerToken(String presentedToken) {
        String challenge = presentedToken == null
                ? "Bearer realm=\"https://accounts.google.com/\""
                : "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"";
        return oauthError(401, "invalid_token", "Invalid Credentials").withHeader("WWW-Authenticate", challenge);
    }

    @Override
    public Response serverError(FaultEndpoint endpoint, int status) {
        if (endpoint == FaultEndpoint.USERINFO) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", status);
            error.put("message", status == 503 ? "The service is currently unavailable." : "Internal error encountered.");
            error.put("status", status == 503 ? "UNAVAILABLE" : "INTERNAL");
            return Response.json(status, Map.of("error", error));
        }
        // Google's front end answers 5xx on accounts/oauth2 hosts with an HTML page, not OAuth JSON.
        String title = status == 503 ? "Error 503 (Service Unavailable)!!1" : "Error 500 (Server Error)!!1";
        return HtmlPages.page(status, title, "That's an error. Please try again later.");
    }

    private static Response oauthError(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return Response.json(status, body);
    }
}
