package dev.syncline.api.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Asks for an access token in exchange for an email and a password. */
public record LoginRequest(
        @NotBlank @Size(max = 254) String email,
        @NotBlank @Size(max = PasswordPolicy.MAX_LENGTH * 2) String password) {

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
