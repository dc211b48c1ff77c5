package dev.syncline.api.session;

import jakarta.validation.constraints.NotBlank;

/** The body of {@code POST /api/v1/auth/refresh}. */
public record RefreshRequest(@NotBlank String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=<redacted>]";
    }
}
