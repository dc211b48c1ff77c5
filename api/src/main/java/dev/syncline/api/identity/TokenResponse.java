package dev.syncline.api.identity;

/**
 * The answer to a successful login or refresh, shaped like OAuth's token response (in camel case): a
 * short-lived access token, the session's current refresh token and the session it belongs to.
 */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, String sessionId) {

    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", sessionId=" + sessionId
                + ", accessToken=<redacted>, refreshToken=<redacted>]";
    }
}
