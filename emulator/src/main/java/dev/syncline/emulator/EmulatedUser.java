package dev.syncline.emulator;

import java.util.Locale;
import java.util.Objects;

/**
 * A person who can sign in at an emulated provider. The email is the key; it is stored in lower
 * case because both providers treat addresses case-insensitively.
 */
public record EmulatedUser(String email, String name) {

    public EmulatedUser {
        Objects.requireNonNull(email, "email");
        if (email.isBlank() || !email.contains("@")) {
            throw new IllegalArgumentException("Not an email address: " + email);
        }
        email = email.trim().toLowerCase(Locale.ROOT);
        name = name == null || name.isBlank() ? email : name.trim();
    }

    public static EmulatedUser of(String email, String name) {
        return new EmulatedUser(email, name);
    }
}
