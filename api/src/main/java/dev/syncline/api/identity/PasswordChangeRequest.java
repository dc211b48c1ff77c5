package dev.syncline.api.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Asks to replace the caller's password; the current one proves it is them and not someone holding their access token. */
public record PasswordChangeRequest(
        @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH * 2) String currentPassword,
        @NotNull String newPassword) {

    @Override
    public String toString() {
        return "PasswordChangeRequest[<redacted>]";
    }
}
