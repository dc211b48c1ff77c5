package dev.syncline.emulator.oauth;

import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.fault.FaultEndpoint;
import dev.syncline.emulator.http.Response;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Entra ID's wording: AADSTS-coded error bodies with trace and correlation ids, refresh-token
 * rotation, and Graph-shaped errors for bearer-token failures. The AADSTS codes and texts follow
 * what Entra sends today; clients must branch on {@code error} and keep the code for diagnostics.
 */
public final class MicrosoftDialect implements OAuthDialect {

    /** Entra's own timestamp format, e.g. {@code 2024-05-01 12:00:00Z}. */
    private static final DateTimeFormatter ENTRA_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GRAPH_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final String clientId;

    public MicrosoftDialect(Clock clock, String clientId) {
        this.clock = clock;
        this.clientId = clientId;
    }

    @Override
    public EmulatedProvider provider() {
        return EmulatedProvider.MICROSOFT;
    }

    @Override
    public boolean issuesRefreshToken(AuthorizationRequest request, boolean userHoldsRefreshToken) {
        return Arrays.asList(request.scope().split(" ")).contains("offline_access");
    }

    @Override
    public boolean rotatesRefreshTokens() {
        return true;
    }

    @Override
    public Map<String, Object> tokenResponse(IssuedTokens tokens) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("scope", tokens.scope());
        body.put("expires_in", tokens.expiresInSeconds());
        body.put("ext_expires_in", tokens.expiresInSeconds());
        body.put("access_token", tokens.accessToken());
        tokens.refreshToken().ifPresent(refresh -> body.put("refresh_token", refresh));
        tokens.idToken().ifPresent(idToken -> body.put("id_token", idToken));
        return body;
    }

    @Override
    public Response tokenError(TokenError error, String detail) {
        return switch (error) {
            case MISSING_CLIENT_ID -> entraError(400, "invalid_request", 900144,
                    "The request body must contain the following parameter: 'client_id'.");
            case UNKNOWN_CLIENT -> entraError(400, "unauthorized_client", 700016,
                    "Application with identifier '" + detail + "' was not found in the directory.");
            case MISSING_CLIENT_SECRET -> entraError(401, "invalid_client", 7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
            case WRONG_CLIENT_SECRET -> entraError(401, "invalid_client", 7000215,
                    "Invalid client secret provided. Ensure the secret being sent in the request is the client secret"
                            + " value, not the client secret ID, for a secret added to app '" + clientId + "'.");
            case MISSING_PARAMETER -> entraError(400, "invalid_request", 900144,
                    "The request body must contain the following parameter: '" + detail + "'.");
            case UNSUPPORTED_GRANT_TYPE -> entraError(400, "unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '" + detail + "'.");
            case UNKNOWN_TENANT -> entraError(400, "invalid_request", 90002, "Tenant '" + detail + "' not found.");
            case INVALID_CODE -> entraError(400, "invalid_grant", 70000, "Provided grant is invalid or malformed.");
            case EXPIRED_CODE, UNKNOWN_REFRESH_TOKEN, INVALID_GRANT -> entraError(400, "invalid_grant", 70008,
                    "The provided authorization code or refresh token has expired due to inactivity. Send a new"
                            + " interactive authorization request for this user and resource.");
            case REDIRECT_URI_MISMATCH -> entraError(400, "invalid_grant", 500112,
                    "The reply address does not match the reply address provided when requesting Authorization code.");
            case MISSING_CODE_VERIFIER, CODE_VERIFIER_MISMATCH -> entraError(400, "invalid_grant", 501481,
                    "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
            case REVOKED_GRANT -> entraError(400, "invalid_grant", 50173,
                    "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user"
                            + " might have changed or reset their password.");
            case INTERACTION_REQUIRED -> entraError(400, "interaction_required", 50076,
                    "Due to a configuration change made by your administrator, or because you moved to a new location,"
                            + " you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'.");
            // Entra reports this transient condition as an OAuth error body with a 4xx status.
            case TEMPORARILY_UNAVAILABLE -> entraError(400, "temporarily_unavailable", 90033,
                    "A transient error has occurred. Please try again.");
        };
    }

    @Override
    public String authorizeErrorDescription(AuthorizeProblem problem, String detail) {
        return switch (problem) {
            case UNSUPPORTED_RESPONSE_TYPE -> "AADSTS700054: response_type '" + detail + "' is not enabled for the application.";
            case MISSING_PARAMETER -> "AADSTS900144: The request body must contain the following parameter: '" + detail + "'.";
            case UNSUPPORTED_CHALLENGE_METHOD -> "AADSTS501471: The code_challenge_method '"
                    + (detail.isEmpty() ? "plain" : detail) + "' is not supported; use S256.";
            case MALFORMED_CODE_CHALLENGE -> "AADSTS501491: Invalid size of Code_Challenge parameter.";
        };
    }

    @Override
    public String accessDeniedDescription() {
        return "AADSTS65004: User declined to consent to access the app.";
    }

    @Override
    public Response authorizeErrorPage(AuthorizePageError error, String detail) {
        return switch (error) {
            case MISSING_CLIENT_ID -> HtmlPages.error("Sign in",
                    "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
            case UNKNOWN_CLIENT -> HtmlPages.error("Sign in",
                    "AADSTS700016: Application with identifier '" + detail + "' was not found in the directory.");
            case INVALID_REDIRECT_URI -> HtmlPages.error("Sign in", "AADSTS50011: The redirect URI '" + detail
                    + "' specified in the request does not match the redirect URIs configured for the application '"
                    + clientId + "'.");
            case UNKNOWN_TENANT -> HtmlPages.error("Sign in", "AADSTS90002: Tenant '" + detail + "' not found.");
            case NO_USER -> HtmlPages.error("Sign in", "The emulator has no Microsoft user to sign in.");
        };
    }

    @Override
    public Response invalidBearerToken(String presentedToken) {
        String message = presentedToken == null
                ? "Access token is empty." : "Access token has expired or is not yet valid.";
        return graphError(401, "InvalidAuthenticationToken", message)
                .withHeader("WWW-Authenticate", "Bearer realm=\"\", authorization_uri="
                        + "\"https://login.microsoftonline.com/common/oauth2/authorize\", "
                        + "client_id=\"00000003-0000-0000-c000-000000000000\"");
    }

    @Override
    public Response serverError(FaultEndpoint endpoint, int status) {
        if (endpoint == FaultEndpoint.USERINFO) {
            return status == 503
                    ? graphError(503, "serviceNotAvailable", "Service unavailable.")
                    : graphError(500, "generalException", "General exception while processing.");
        }
        return status == 503
                ? entraError(503, "temporarily_unavailable", 90033, "A transient error has occurred. Please try again.")
                : entraError(500, "server_error", 50000,
                "There was an error issuing a token or an issue with our sign-in service.");
    }

    private Response entraError(int status, String error, long code, String message) {
        String traceId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        String timestamp = ENTRA_TIMESTAMP.format(clock.instant());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", "AADSTS" + code + ": " + message + "\r\nTrace ID: " + traceId
                + "\r\nCorrelation ID: " + correlationId + "\r\nTimestamp: " + timestamp);
        body.put("error_codes", List.of(code));
        body.put("timestamp", timestamp);
        body.put("trace_id", traceId);
        body.put("correlation_id", correlationId);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
        return Response.json(status, body);
    }

    private Response graphError(int status, String code, String message) {
        Map<String, Object> innerError = new LinkedHashMap<>();
        innerError.put("date", GRAPH_DATE.format(clock.instant()));
        innerError.put("request-id", UUID.randomUUID().toString());
        innerError.put("client-request-id", UUID.randomUUID().toString());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("innerError", innerError);
        return Response.json(status, Map.of("error", error));
    }
}
