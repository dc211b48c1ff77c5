package dev.syncline.emulator.oidc;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RSA 2048 key pair that signs ID tokens with RS256 ({@code SHA256withRSA}), and its public half
 * as a JWK (RFC 7517). The key id is the public key's RFC 7638 thumbprint unless one is given.
 */
public final class SigningKey {

    private static final int KEY_SIZE = 2048;

    private final String keyId;
    private final KeyPair keys;

    private SigningKey(String keyId, KeyPair keys) {
        this.keyId = keyId;
        this.keys = keys;
    }

    /** A new key pair named by its own thumbprint. */
    public static SigningKey generate() {
        KeyPair keys = newKeyPair();
        return new SigningKey(thumbprint((RSAPublicKey) keys.getPublic()), keys);
    }

    /** A new key pair that claims someone else's key id: what a forger would send. */
    public static SigningKey generateNamed(String keyId) {
        return new SigningKey(keyId, newKeyPair());
    }

    public String keyId() {
        return keyId;
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    /** The RS256 signature of the JWS signing input. */
    public byte[] sign(byte[] signingInput) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM signs SHA256withRSA", e);
        }
    }

    /** The public key as a JWK, shaped like the entries of Google's and Microsoft's key sets. */
    public Map<String, Object> publicJwk() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", keyId);
        jwk.put("n", base64Url(publicKey().getModulus()));
        jwk.put("e", base64Url(publicKey().getPublicExponent()));
        return jwk;
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM generates RSA keys", e);
        }
    }

    /** RFC 7638: SHA-256 over the required members in lexicographic order, without whitespace. */
    private static String thumbprint(RSAPublicKey key) {
        String members = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(members.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** An unsigned big-endian integer without the sign byte Java adds, as JWA section 6.3.1 wants it. */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
