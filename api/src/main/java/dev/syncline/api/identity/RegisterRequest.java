package dev.syncline.api.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Asks to register a person: an email to sign in with, a password and, optionally, a name to show.
 * The email and name are trimmed; a blank name counts as none.
 */
@AcceptablePassword
public record RegisterRequest(
        @NotBlank
        @Size(max = 254)
        @Email(regexp = RegisterRequest.SANE_EMAIL, message = "must be a well-formed email address")
        String email,
        @NotNull
        String password,
        @Size(max = 100)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String displayName) {

    /** One @, something before it, a domain of at least two non-empty labels after it, no whitespace. */
    static final String SANE_EMAIL = "^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$";

    public RegisterRequest {
        email = email == null ? null : email.trim();
        displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
    }

    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + ", displayName=" + displayName + "]";
    }
}
