package dev.syncline.emulator.oidc;

import dev.syncline.emulator.http.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a claims set as a JWS in compact serialization (RFC 7515 section 7.1): signed with RS256, or unsecured. */
public final class CompactJws {

    private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();

    private CompactJws() {
    }

    public static String rs256(Map<String, Object> claims, SigningKey key) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("kid", key.keyId());
        header.put("typ", "JWT");
        String signingInput = encode(header) + "." + encode(claims);
        return signingInput + "." + BASE64_URL.encodeToString(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    /** {@code alg: none} with an empty signature (RFC 7519 section 6.1): what no client may accept. */
    public static String unsecured(Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "none");
        header.put("typ", "JWT");
        return encode(header) + "." + encode(claims) + ".";
    }

    private static String encode(Map<String, Object> json) {
        return BASE64_URL.encodeToString(Json.write(json));
    }
}
