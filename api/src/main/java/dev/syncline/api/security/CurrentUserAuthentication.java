package dev.syncline.api.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated request: its principal is the {@link CurrentUser} of a verified access token and its
 * authorities are the user's roles as {@code ROLE_<name>}. It keeps no credentials: the token is not
 * needed after verification and must not linger where it might be logged.
 */
public final class CurrentUserAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;

    public CurrentUserAuthentication(CurrentUser user) {
        super(user.roles().stream().sorted().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return user.userId().toString();
    }
}
