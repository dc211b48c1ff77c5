package dev.syncline.providers.graph;

import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Hands the Graph SDK the one access token of the mailbox being read, instead of azure-identity: the token
 * goes only to the configured Graph host, and only over https, except to a loopback host (the emulator).
 */
final class MailboxTokenProvider implements AccessTokenProvider {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private final String accessToken;
    private final AllowedHostsValidator allowedHosts;

    MailboxTokenProvider(String accessToken, String graphHost) {
        this.accessToken = accessToken;
        this.allowedHosts = new AllowedHostsValidator(graphHost);
    }

    @Override
    public String getAuthorizationToken(URI uri, Map<String, Object> additionalAuthenticationContext) {
        if (!allowedHosts.isUrlHostValid(uri)) {
            return "";
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !LOOPBACK.contains(uri.getHost())) {
            throw new IllegalArgumentException("Graph access tokens are only sent over https");
        }
        return accessToken;
    }

    @Override
    public AllowedHostsValidator getAllowedHostsValidator() {
        return allowedHosts;
    }

    @Override
    public String toString() {
        return "MailboxTokenProvider[hosts=" + allowedHosts.getAllowedHosts() + ", accessToken=<redacted>]";
    }
}
