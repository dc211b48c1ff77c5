package dev.syncline.api.providers;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The OAuth clients Syncline uses to connect accounts, per provider ({@code syncline.providers.*}). */
@ConfigurationProperties("syncline.providers")
public record ProvidersProperties(Client google, Client microsoft) {

    /** One provider's client registration and endpoints. */
    public record Client(
            String clientId,
            String clientSecret,
            String authorizationUri,
            String tokenUri,
            String revocationUri,
            String userInfoUri,
            List<String> scopes) {

        @Override
        public String toString() {
            return "Client[clientId=" + clientId + ", clientSecret=<redacted>, tokenUri=" + tokenUri + "]";
        }
    }
}
