package dev.syncline.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * Takes a compact JWS apart and checks its RS256 signature against a JWK Set, with the JDK only, so the
 * emulator's tokens are verified independently of the code that signed them.
 */
record IdTokenReader(JsonNode header, JsonNode claims, String signingInput, String signature) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static IdTokenReader parse(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a compact JWS: " + parts.length + " parts");
        }
        return new IdTokenReader(decode(parts[0]), decode(parts[1]), parts[0] + "." + parts[1], parts[2]);
    }

    /** Whether a key of the set with the token's {@code kid} verifies its RS256 signature. */
    boolean isSignedBy(JsonNode jwkSet) {
        if (!"RS256".equals(header.path("alg").asText()) || signature.isEmpty()) {
            return false;
        }
        for (JsonNode jwk : jwkSet.path("keys")) {
            if (jwk.path("kid").asText().equals(header.path("kid").asText()) && verifies(publicKey(jwk))) {
                return true;
            }
        }
        return false;
    }

    private boolean verifies(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(signature));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey publicKey(JsonNode jwk) {
        try {
            BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText()));
            BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText()));
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode decode(String part) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
