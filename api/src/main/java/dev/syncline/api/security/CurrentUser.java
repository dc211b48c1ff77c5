package dev.syncline.api.security;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The caller of a request, as its verified access token names it. Controllers get it with
 * {@code @AuthenticationPrincipal CurrentUser caller} and filter every query by {@link #workspaceId()}.
 *
 * @param userId      the user ({@code sub} of the token)
 * @param workspaceId the user's workspace ({@code wid} of the token)
 * @param email       the user's email when known; access tokens do not carry it, so it is {@code null} there
 * @param roles       role names without prefix, e.g. {@code USER}, {@code ADMIN}
 * @param sessionId   the session the access token belongs to ({@code sid} of the token)
 */
public record CurrentUser(UUID userId, UUID workspaceId, String email, Set<String> roles, UUID sessionId) {

    public static final String ROLE_USER = "USER";
    public static final String ROLE_ADMIN = "ADMIN";

    public CurrentUser {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(sessionId, "sessionId");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(ROLE_ADMIN);
    }
}
