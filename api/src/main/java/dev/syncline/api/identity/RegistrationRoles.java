package dev.syncline.api.identity;

import dev.syncline.api.security.CurrentUser;
import java.util.List;
import java.util.Set;

/**
 * The roles a person gets on registration (by password, or on a first OpenID Connect login): USER, and ADMIN
 * when their email is listed in {@code syncline.security.admin-emails}. Nobody becomes an administrator by
 * registering first.
 */
public final class RegistrationRoles {

    private final Set<String> adminEmails;

    /** @param adminEmails lower-cased, as {@link dev.syncline.api.security.SecurityProperties#normalizedAdminEmails()} gives them */
    public RegistrationRoles(Set<String> adminEmails) {
        this.adminEmails = Set.copyOf(adminEmails);
    }

    /** @param email as stored: trimmed and lower-cased */
    public List<String> rolesFor(String email) {
        return adminEmails.contains(email)
                ? List.of(CurrentUser.ROLE_ADMIN, CurrentUser.ROLE_USER)
                : List.of(CurrentUser.ROLE_USER);
    }
}
