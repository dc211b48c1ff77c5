package dev.syncline.api.login;

import dev.syncline.messages.session.LoginMethod;
import java.util.Locale;
import java.util.Optional;

/** The login providers by registration id: {@code google} and {@code microsoft}, the path segment of login and callback. */
final class LoginProviders {

    private LoginProviders() {
    }

    static String registrationId(LoginMethod method) {
        return method.name().toLowerCase(Locale.ROOT);
    }

    /** The login method of a registration; empty for anything but the two providers. */
    static Optional<LoginMethod> method(String registrationId) {
        return switch (registrationId == null ? "" : registrationId) {
            case "google" -> Optional.of(LoginMethod.GOOGLE);
            case "microsoft" -> Optional.of(LoginMethod.MICROSOFT);
            default -> Optional.empty();
        };
    }

    static String displayName(String registrationId) {
        return "microsoft".equals(registrationId) ? "Microsoft" : "Google";
    }
}
