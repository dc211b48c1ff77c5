package dev.syncline.command.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads and writes a {@link KeyRing} as JSON:
 *
 * <pre>{"active":"k2","keys":{"k1":"&lt;base64 32 bytes&gt;","k2":"&lt;base64 32 bytes&gt;"},"fingerprintKey":"&lt;base64 32 bytes&gt;"}</pre>
 *
 * Errors describe what is wrong without quoting the input, which is key material.
 */
public final class KeyRingCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KeyRingCodec() {
    }

    public static String toJson(KeyRing ring) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("active", ring.activeKeyId());
        ObjectNode keys = root.putObject("keys");
        ring.keyIds().forEach(id -> keys.put(id, encode(ring.key(id))));
        root.put("fingerprintKey", encode(ring.fingerprintKey()));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the key ring as JSON", e);
        }
    }

    /**
     * Parses the JSON form.
     *
     * @throws KeyRingUnavailableException if the JSON is malformed or describes an invalid ring
     */
    public static KeyRing fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the offending input, which may be a key: keep only the position.
            var location = e.getLocation();
            throw new KeyRingUnavailableException("The key ring is not valid JSON"
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new KeyRingUnavailableException("The key ring must be a JSON object with 'active', 'keys' and 'fingerprintKey'");
        }
        String active = text(root, "active");
        JsonNode keysNode = root.get("keys");
        if (keysNode == null || !keysNode.isObject() || keysNode.isEmpty()) {
            throw new KeyRingUnavailableException("The key ring needs a non-empty object 'keys'");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        keysNode.properties().forEach(entry -> keys.put(entry.getKey(), decode("key '" + entry.getKey() + "'", entry.getValue())));
        SecretKey fingerprintKey = decode("fingerprintKey", root.get("fingerprintKey"));
        try {
            return new KeyRing(keys, active, fingerprintKey);
        } catch (IllegalArgumentException e) {
            throw new KeyRingUnavailableException("The key ring is invalid: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new KeyRingUnavailableException("The key ring needs a text field '" + field + "'");
        }
        return node.asText();
    }

    private static SecretKey decode(String what, JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new KeyRingUnavailableException("The key ring's " + what + " must be a base64 text");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(node.asText().strip());
        } catch (IllegalArgumentException e) {
            throw new KeyRingUnavailableException("The key ring's " + what + " is not valid base64");
        }
        if (bytes.length != KeyRing.KEY_BYTES) {
            throw new KeyRingUnavailableException("The key ring's " + what + " must decode to " + KeyRing.KEY_BYTES
                    + " bytes, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String encode(SecretKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }
}
