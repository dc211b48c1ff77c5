package dev.syncline.api.login;

import java.security.SecureRandom;
import java.util.Base64;

/** Random one-time values of the login: browser keys and login codes (stored as their {@code Sha256}). */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 256 random bits, base64url without padding (43 characters). */
    static String random256() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
