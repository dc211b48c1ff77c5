package dev.syncline.api.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person who signs in to Syncline, as stored in {@code app_user}.
 *
 * @param email        lower-cased
 * @param displayName  may be {@code null}
 * @param passwordHash the Argon2id hash, {@code null} for a user who signs in with Google or Microsoft only;
 *                     never logged or answered
 * @param roles        role names without prefix, sorted
 */
public record UserAccount(UUID id, UUID workspaceId, String email, String displayName, String passwordHash,
                          List<String> roles, Instant createdAt) {

    public UserAccount {
        roles = roles == null ? List.of() : roles.stream().sorted().toList();
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", workspaceId=" + workspaceId + ", roles=" + roles + "]";
    }
}
