package dev.syncline.api.identity;

/** The answer to a successful login, shaped like OAuth's token response (in camel case). */
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {

    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", accessToken=<redacted>]";
    }
}
