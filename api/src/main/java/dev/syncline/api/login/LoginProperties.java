package dev.syncline.api.login;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code syncline.login.*}: the OpenID Connect clients for "Sign in with Google / Microsoft". These are
 * registrations of their own, separate from the mail and calendar clients of {@code syncline.providers}
 * (same client ids by default, but only the scopes {@code openid email profile}). A provider without a
 * client id offers no login. Ignored while the emulator runs in-process, which then serves both.
 */
@ConfigurationProperties("syncline.login")
public record LoginProperties(Provider google, Provider microsoft) {

    public LoginProperties {
        google = google == null ? Provider.NONE : google;
        microsoft = microsoft == null ? Provider.NONE : microsoft;
    }

    /**
     * One provider's client and endpoints.
     *
     * @param issuerUri the exact {@code iss} of its ID tokens; Microsoft's multi-tenant issuer is the template
     *                  with the literal {@code {tenantid}}, which each token fills with its own {@code tid}
     */
    public record Provider(String clientId, String clientSecret, String issuerUri, String authorizationUri,
                           String tokenUri, String jwkSetUri, String userInfoUri) {

        static final Provider NONE = new Provider(null, null, null, null, null, null, null);

        public boolean isConfigured() {
            return clientId != null && !clientId.isBlank();
        }

        @Override
        public String toString() {
            return "Provider[clientId=" + clientId + ", clientSecret=<redacted>, issuerUri=" + issuerUri + "]";
        }
    }
}
