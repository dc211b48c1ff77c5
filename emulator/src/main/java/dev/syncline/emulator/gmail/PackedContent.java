package dev.syncline.emulator.gmail;

import dev.syncline.emulator.mailbox.GeneratedAddress;
import dev.syncline.emulator.mailbox.GeneratedAttachment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A message's content in one byte array: UTF-8 fields with length prefixes, the body deflated when it
 * is long. A 100,000-message benchmark mailbox then costs a few hundred bytes per message instead of a
 * graph of strings and lists, and MIME is only ever rendered for a {@code messages.get}.
 */
final class PackedContent {

    /** Bodies above this many bytes are deflated; the generator's long bodies shrink about tenfold. */
    private static final int DEFLATE_ABOVE = 2_048;

    private final byte[] bytes;

    private PackedContent(byte[] bytes) {
        this.bytes = bytes;
    }

    static PackedContent pack(MessageContent content) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            writeText(out, content.key());
            writeAddress(out, content.from());
            writeAddresses(out, content.to());
            writeAddresses(out, content.cc());
            writeText(out, content.subject());
            writeBody(out, content.body());
            out.writeShort(content.attachments().size());
            for (GeneratedAttachment attachment : content.attachments()) {
                writeText(out, attachment.name());
                writeText(out, attachment.contentType());
                out.writeLong(attachment.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PackedContent(buffer.toByteArray());
    }

    MessageContent unpack() {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            String key = readText(in);
            GeneratedAddress from = readAddress(in);
            List<GeneratedAddress> to = readAddresses(in);
            List<GeneratedAddress> cc = readAddresses(in);
            String subject = readText(in);
            String body = readBody(in);
            int attachmentCount = in.readUnsignedShort();
            List<GeneratedAttachment> attachments = new ArrayList<>(attachmentCount);
            for (int i = 0; i < attachmentCount; i++) {
                attachments.add(new GeneratedAttachment(readText(in), readText(in), in.readLong()));
            }
            return new MessageContent(key, from, to, cc, subject, body, attachments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAddresses(DataOutputStream out, List<GeneratedAddress> addresses) throws IOException {
        out.writeShort(addresses.size());
        for (GeneratedAddress address : addresses) {
            writeAddress(out, address);
        }
    }

    private static List<GeneratedAddress> readAddresses(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        List<GeneratedAddress> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            addresses.add(readAddress(in));
        }
        return addresses;
    }

    private static void writeAddress(DataOutputStream out, GeneratedAddress address) throws IOException {
        out.writeBoolean(address != null);
        if (address != null) {
            writeText(out, address.name());
            writeText(out, address.email());
        }
    }

    private static GeneratedAddress readAddress(DataInputStream in) throws IOException {
        return in.readBoolean() ? new GeneratedAddress(readText(in), readText(in)) : null;
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void writeBody(DataOutputStream out, String body) throws IOException {
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        boolean deflate = utf8.length > DEFLATE_ABOVE;
        out.writeBoolean(deflate);
        out.writeInt(utf8.length);
        byte[] stored = deflate ? deflate(utf8) : utf8;
        out.writeInt(stored.length);
        out.write(stored);
    }

    private static String readBody(DataInputStream in) throws IOException {
        boolean deflated = in.readBoolean();
        int length = in.readInt();
        byte[] stored = in.readNBytes(in.readInt());
        return new String(deflated ? inflate(stored, length) : stored, StandardCharsets.UTF_8);
    }

    private static byte[] deflate(byte[] input) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(input);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 4);
            byte[] chunk = new byte[8_192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] input, int length) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(input);
            byte[] output = new byte[length];
            int done = 0;
            while (done < length && !inflater.finished()) {
                done += inflater.inflate(output, done, length - done);
            }
            return output;
        } catch (DataFormatException e) {
            throw new IOException("Corrupt packed body", e);
        } finally {
            inflater.end();
        }
    }
}
