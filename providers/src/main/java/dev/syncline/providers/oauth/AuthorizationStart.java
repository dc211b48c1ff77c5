package dev.syncline.providers.oauth;

/**
 * The start of an authorization-code flow: the URL to send the user to, and the PKCE code verifier that
 * must be kept server-side until the callback. Its {@link #toString()} hides the verifier.
 */
public record AuthorizationStart(String authorizationUrl, String codeVerifier) {

    @Override
    public String toString() {
        return "AuthorizationStart[authorizationUrl=" + authorizationUrl + ", codeVerifier=<redacted>]";
    }
}
