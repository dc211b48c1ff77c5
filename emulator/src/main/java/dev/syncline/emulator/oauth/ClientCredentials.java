package dev.syncline.emulator.oauth;

import dev.syncline.emulator.http.FormData;
import dev.syncline.emulator.http.Request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The client id and secret of a token request, from HTTP Basic ({@code client_secret_basic}) or
 * from the form ({@code client_secret_post}). Either is accepted, as both providers do.
 */
record ClientCredentials(String clientId, String clientSecret) {

    static ClientCredentials from(Request request, Map<String, String> form) {
        return request.header("Authorization")
                .filter(value -> value.regionMatches(true, 0, "Basic ", 0, 6))
                .map(value -> fromBasic(value.substring(6).trim()))
                .orElseGet(() -> new ClientCredentials(form.get("client_id"), form.get("client_secret")));
    }

    /** RFC 6749 §2.3.1: both halves are form-encoded before they are joined and base64-encoded. */
    private static ClientCredentials fromBasic(String encoded) {
        Optional<String> decoded;
        try {
            decoded = Optional.of(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            decoded = Optional.empty();
        }
        return decoded.filter(text -> text.contains(":"))
                .map(text -> new ClientCredentials(FormData.decode(text.substring(0, text.indexOf(':'))),
                        FormData.decode(text.substring(text.indexOf(':') + 1))))
                .orElse(new ClientCredentials("", null));
    }

    boolean secretMatches(String expected) {
        return clientSecret != null && MessageDigest.isEqual(
                clientSecret.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
