package dev.syncline.api.login;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * A post-login redirect target: an absolute http(s) URL on one of the allowed frontend origins, without user
 * info or fragment (the login code goes into the fragment). Everything else could make Syncline an open
 * redirector that hands a login code to whoever asked.
 */
final class FrontendRedirect {

    private static final int MAX_LENGTH = 2048;

    private FrontendRedirect() {
    }

    /** The target if it is allowed; empty otherwise. */
    static Optional<URI> allowed(String target, Collection<String> frontendOrigins) {
        if (target == null || target.isEmpty() || target.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null || uri.isOpaque()) {
            return Optional.empty();
        }
        String origin = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        return frontendOrigins.contains(origin) ? Optional.of(uri) : Optional.empty();
    }
}
