package dev.syncline.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ES256 (P-256) keys that sign and verify access tokens, by key id ({@code kid}). Any other key
 * (RSA, a smaller or larger curve) is refused with a message naming its id, so the application does not
 * start with it. The active key signs; every listed key verifies, so a key can be rotated out by listing
 * a new active key beside the old one for at least one access-token lifetime. A retired key may be
 * listed with its public half only.
 *
 * <p>JSON form: {@code {"active":"<kid>","keys":{"<kid>":{"private":"<base64 PKCS#8>","public":"<base64 X.509>"}}}}.
 */
public final class JwtSigningKeys {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final ECParameterSpec P256 = p256();

    private final String activeKeyId;
    private final Map<String, SigningKey> keys;

    public JwtSigningKeys(String activeKeyId, Map<String, SigningKey> keys) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("The JWT key set lists no key");
        }
        SigningKey active = keys.get(activeKeyId);
        if (active == null) {
            throw new IllegalArgumentException("The active JWT key '" + activeKeyId + "' is not in the key set");
        }
        if (active.privateKey() == null) {
            throw new IllegalArgumentException("The active JWT key '" + activeKeyId + "' has no private key");
        }
        keys.forEach((kid, key) -> {
            if (!kid.equals(key.keyId())) {
                throw new IllegalArgumentException("JWT key listed as '" + kid + "' says it is '" + key.keyId() + "'");
            }
        });
        this.activeKeyId = activeKeyId;
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /** One key of the set; {@code privateKey} is {@code null} for a key that only verifies. */
    public record SigningKey(String keyId, PrivateKey privateKey, PublicKey publicKey) {

        public SigningKey {
            if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
                throw new IllegalArgumentException("A JWT key id must be 1 to 64 of [A-Za-z0-9._-]");
            }
            requireP256(keyId, publicKey);
            if (privateKey != null) {
                requireP256(keyId, privateKey);
                requirePair(keyId, privateKey, publicKey);
            }
        }

        @Override
        public String toString() {
            return "SigningKey[" + keyId + (privateKey == null ? ", verify only]" : "]");
        }
    }

    /** A new key set of one freshly generated P-256 key pair. */
    public static JwtSigningKeys generate(String keyId) {
        KeyPair pair = generateKeyPair();
        return new JwtSigningKeys(keyId, Map.of(keyId, new SigningKey(keyId, pair.getPrivate(), pair.getPublic())));
    }

    /** A key id that will not collide with an earlier one: a prefix and random hex. */
    public static String newKeyId(String prefix) {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        return prefix + "-" + HexFormat.of().formatHex(random);
    }

    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot generate P-256 keys", e);
        }
    }

    /** Reads the JSON form. Error messages name the key id and the problem, never key material. */
    public static JwtSigningKeys parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("The JWT key set is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The JWT key set must be a JSON object with 'active' and 'keys'");
        }
        String active = root.path("active").asText("");
        JsonNode keyNodes = root.path("keys");
        if (active.isBlank() || !keyNodes.isObject() || keyNodes.isEmpty()) {
            throw new IllegalArgumentException("The JWT key set must name its 'active' key and list 'keys'");
        }
        Map<String, SigningKey> keys = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : keyNodes.properties()) {
            String kid = entry.getKey();
            String privateText = entry.getValue().path("private").asText("");
            String publicText = entry.getValue().path("public").asText("");
            if (publicText.isBlank()) {
                throw new IllegalArgumentException("JWT key '" + kid + "' has no public key");
            }
            PrivateKey privateKey = privateText.isBlank() ? null : decodePrivate(kid, privateText);
            keys.put(kid, new SigningKey(kid, privateKey, decodePublic(kid, publicText)));
        }
        return new JwtSigningKeys(active, keys);
    }

    /** The JSON form, private keys included: treat it as a secret. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("active", activeKeyId);
        ObjectNode keyNodes = root.putObject("keys");
        keys.forEach((kid, key) -> {
            ObjectNode node = keyNodes.putObject(kid);
            if (key.privateKey() != null) {
                node.put("private", Base64.getEncoder().encodeToString(key.privateKey().getEncoded()));
            }
            node.put("public", Base64.getEncoder().encodeToString(key.publicKey().getEncoded()));
        });
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the JWT key set", e);
        }
    }

    /** This set with a new active key added in front; the old keys stay listed so their tokens still verify. */
    public JwtSigningKeys withActiveKey(SigningKey newActive) {
        Map<String, SigningKey> next = new LinkedHashMap<>();
        next.put(newActive.keyId(), newActive);
        keys.forEach(next::putIfAbsent);
        return new JwtSigningKeys(newActive.keyId(), next);
    }

    /** This set without the given key, e.g. once every token it signed has expired. */
    public JwtSigningKeys without(String keyId) {
        Map<String, SigningKey> next = new LinkedHashMap<>(keys);
        next.remove(keyId);
        return new JwtSigningKeys(activeKeyId, next);
    }

    public SigningKey active() {
        return keys.get(activeKeyId);
    }

    public Optional<SigningKey> find(String keyId) {
        return keyId == null ? Optional.empty() : Optional.ofNullable(keys.get(keyId));
    }

    public Map<String, SigningKey> keys() {
        return keys;
    }

    @Override
    public String toString() {
        return "JwtSigningKeys[active=" + activeKeyId + ", keys=" + keys.keySet() + "]";
    }

    private static PrivateKey decodePrivate(String kid, String text) {
        byte[] der = decodeBase64(kid, text);
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            refuseRsa(kid, () -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
            throw new IllegalArgumentException("The private half of JWT key '" + kid + "' is not a base64 PKCS#8 EC key");
        }
    }

    private static PublicKey decodePublic(String kid, String text) {
        byte[] der = decodeBase64(kid, text);
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            refuseRsa(kid, () -> KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
            throw new IllegalArgumentException("The public half of JWT key '" + kid + "' is not a base64 X.509 EC key");
        }
    }

    /** An RSA key is a common mistake (RS256 is the usual JWT algorithm): say so plainly. */
    private static void refuseRsa(String kid, KeyDecoder rsa) {
        try {
            rsa.decode();
        } catch (GeneralSecurityException | IllegalArgumentException notRsaEither) {
            return;
        }
        throw new IllegalArgumentException("JWT key '" + kid + "' is an RSA key; only P-256 EC keys (ES256) are accepted");
    }

    private interface KeyDecoder {
        Object decode() throws GeneralSecurityException;
    }

    /** Base64 of DER, also accepted with PEM armour and line breaks. */
    private static byte[] decodeBase64(String kid, String text) {
        String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("JWT key '" + kid + "' is not base64");
        }
    }

    private static void requireP256(String kid, Object key) {
        if (!(key instanceof ECKey ec) || !sameCurve(ec.getParams(), P256)) {
            throw new IllegalArgumentException("JWT key '" + kid + "' is not a P-256 EC key (ES256 only); "
                    + "other curves and key types are refused as too weak or not pinned");
        }
    }

    private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
        return a != null && a.getCurve().equals(b.getCurve()) && a.getOrder().equals(b.getOrder())
                && a.getGenerator().equals(b.getGenerator());
    }

    private static void requirePair(String kid, PrivateKey privateKey, PublicKey publicKey) {
        try {
            byte[] probe = BigInteger.valueOf(System.nanoTime()).toByteArray();
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalArgumentException("The private and public halves of JWT key '" + kid + "' do not match");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("JWT key '" + kid + "' cannot sign with ES256", e);
        }
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
