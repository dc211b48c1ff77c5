package dev.syncline.emulator.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether a redirect URI is registered. A prefix is compared by parts (scheme, host,
 * port if the prefix has one, then path prefix) rather than as text, so that the prefix
 * {@code http://localhost} does not let {@code http://localhost.attacker.example} through.
 */
final class RedirectUriPolicy {

    private final List<URI> prefixes;

    RedirectUriPolicy(List<String> prefixes) {
        this.prefixes = prefixes.stream().map(URI::create).toList();
    }

    boolean allows(String redirectUri) {
        if (redirectUri == null || redirectUri.isBlank()) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (URISyntaxException e) {
            return false;
        }
        // A fragment or user-info in a redirect URI is forbidden by RFC 6749 and a phishing tool.
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return false;
        }
        return prefixes.stream().anyMatch(prefix -> matches(prefix, uri));
    }

    private static boolean matches(URI prefix, URI uri) {
        String prefixPath = prefix.getPath() == null ? "" : prefix.getPath();
        String path = uri.getPath() == null ? "" : uri.getPath();
        return prefix.getScheme().equalsIgnoreCase(uri.getScheme())
                && prefix.getHost().toLowerCase(Locale.ROOT).equals(uri.getHost().toLowerCase(Locale.ROOT))
                && (prefix.getPort() == -1 || prefix.getPort() == uri.getPort())
                && path.startsWith(prefixPath);
    }
}
