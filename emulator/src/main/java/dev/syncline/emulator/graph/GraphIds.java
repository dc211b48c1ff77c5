package dev.syncline.emulator.graph;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Opaque ids in the spirit of Graph's: a fixed prefix per kind, then base64url bytes that carry the owner
 * and a serial number, so that ids differ between mailboxes and fit a path segment without escaping.
 * A message has two ids, as on Graph: the immutable one, and the REST id that changes whenever the message
 * moves to another folder (it carries the move count).
 */
final class GraphIds {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String IMMUTABLE_MESSAGE = "AAkALgAA";
    private static final String REST_MESSAGE = "AAMkAGAA";
    private static final String FOLDER = "AQMkADAA";
    private static final String EVENT = "AAMkAGEv";
    private static final String CALENDAR = "AAMkAGCa";
    private static final String CONVERSATION = "AAQkADAA";
    private static final String ATTACHMENT = "AAMkATAA";

    private final int owner;

    GraphIds(String ownerEmail) {
        this.owner = ownerEmail.hashCode();
    }

    String message(long serial) {
        return IMMUTABLE_MESSAGE + encode(ByteBuffer.allocate(12).putInt(owner).putLong(serial));
    }

    String restMessage(long serial, int generation) {
        return REST_MESSAGE + encode(ByteBuffer.allocate(16).putInt(owner).putLong(serial).putInt(generation));
    }

    String folder(long serial) {
        return FOLDER + encode(ByteBuffer.allocate(12).putInt(owner).putLong(serial));
    }

    String event(long serial) {
        return EVENT + encode(ByteBuffer.allocate(12).putInt(owner).putLong(serial));
    }

    String calendar() {
        return CALENDAR + encode(ByteBuffer.allocate(4).putInt(owner));
    }

    String attachment(long messageSerial, int index) {
        return ATTACHMENT + encode(ByteBuffer.allocate(16).putInt(owner).putLong(messageSerial).putInt(index));
    }

    String conversation(String threadKey) {
        byte[] key = threadKey.getBytes(StandardCharsets.UTF_8);
        return CONVERSATION + encode(ByteBuffer.allocate(4 + key.length).putInt(owner).put(key));
    }

    /** Reads either kind of message id of this mailbox; empty for anything else. */
    Optional<MessageRef> parseMessage(String id) {
        if (id.startsWith(IMMUTABLE_MESSAGE)) {
            return decode(id.substring(IMMUTABLE_MESSAGE.length()), 12)
                    .map(bytes -> new MessageRef(bytes.getLong(), OptionalInt.empty()));
        }
        if (id.startsWith(REST_MESSAGE)) {
            return decode(id.substring(REST_MESSAGE.length()), 16)
                    .map(bytes -> new MessageRef(bytes.getLong(), OptionalInt.of(bytes.getInt())));
        }
        return Optional.empty();
    }

    private Optional<ByteBuffer> decode(String text, int length) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(DECODER.decode(text));
            if (bytes.remaining() != length || bytes.getInt() != owner) {
                return Optional.empty();
            }
            return Optional.of(bytes);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String encode(ByteBuffer bytes) {
        return ENCODER.encodeToString(bytes.array());
    }

    /** A decoded message id: the serial, and for a REST id the move count it was issued for. */
    record MessageRef(long serial, OptionalInt generation) {
    }
}
