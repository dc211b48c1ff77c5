package dev.syncline.emulator.oauth;

import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.state.AccessToken;
import dev.syncline.emulator.state.GrantRegistry;

import java.util.Optional;

/**
 * Resolves the {@code Authorization: Bearer} header of an API request to a live access token.
 * Userinfo uses it now; the Gmail, Calendar and Graph handlers will use it to find their user.
 */
public final class BearerAuthentication {

    private final GrantRegistry grants;

    public BearerAuthentication(GrantRegistry grants) {
        this.grants = grants;
    }

    /** The token as sent, or empty when the header is missing or not a bearer credential. */
    public static Optional<String> presentedToken(Request request) {
        return request.header("Authorization")
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim())
                .filter(value -> !value.isEmpty());
    }

    public Optional<AccessToken> authenticate(Request request) {
        return presentedToken(request).flatMap(grants::validAccessToken);
    }
}
