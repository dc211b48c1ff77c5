package dev.syncline.providers.oauth;

import dev.syncline.messages.account.Provider;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How Syncline talks OAuth to one provider: its client registration, its endpoints, the scopes it asks
 * for, and the extra authorization parameters the provider needs (Google only issues a refresh token
 * with {@code access_type=offline} and, on a repeated consent, {@code prompt=consent}).
 *
 * @param revocationUri the RFC 7009 revocation endpoint, or {@code null} where the provider has none
 */
public record OAuthClientSettings(
        Provider provider,
        String clientId,
        String clientSecret,
        String authorizationUri,
        String tokenUri,
        String revocationUri,
        String userInfoUri,
        List<String> scopes,
        Map<String, String> authorizationParameters) {

    public OAuthClientSettings {
        Objects.requireNonNull(provider, "provider");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        authorizationParameters = authorizationParameters == null ? Map.of() : Map.copyOf(authorizationParameters);
    }

    public boolean supportsRevocation() {
        return revocationUri != null && !revocationUri.isBlank();
    }

    /** The parameters a provider needs on top of RFC 6749 to issue a refresh token. */
    public static Map<String, String> defaultAuthorizationParameters(Provider provider) {
        return switch (provider) {
            case GOOGLE -> Map.of("access_type", "offline", "prompt", "consent", "include_granted_scopes", "true");
            case MICROSOFT -> Map.of("prompt", "select_account");
        };
    }

    @Override
    public String toString() {
        return "OAuthClientSettings[provider=" + provider + ", clientId=" + clientId + ", clientSecret=<redacted>, tokenUri="
                + tokenUri + "]";
    }
}
