package dev.syncline.api.identity;

import java.util.List;
import java.util.UUID;

/** A user as the API shows it: no password hash, no timestamps that nobody asked for. */
public record UserView(UUID id, String email, String displayName, UUID workspaceId, List<String> roles) {

    static UserView of(UserAccount user) {
        return new UserView(user.id(), user.email(), user.displayName(), user.workspaceId(), user.roles());
    }
}
