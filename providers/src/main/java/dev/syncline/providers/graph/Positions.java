package dev.syncline.providers.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.providers.sync.CursorExpiredException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/** Positions and cursors of the Graph adapters: their state as JSON, base64url, opaque to everyone else. */
final class Positions {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Positions() {
    }

    static String encode(Object state) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(state));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws CursorExpiredException for text this adapter did not make: the sync must start again */
    static <T> T decode(String position, Class<T> type) {
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(position), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new CursorExpiredException("The Graph position or cursor is not one this adapter made", e);
        }
    }
}
