package dev.syncline.providers.gmail;

import com.google.api.services.gmail.model.MessagePart;
import com.google.api.services.gmail.model.MessagePartHeader;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable text of a Gmail MIME tree: the first text/plain part that is not an attachment,
 * decoded in its charset; failing that the first text/html part, stripped to text. Cut at the limit,
 * never inside a surrogate pair.
 */
final class MessageText {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)\"?");

    private MessageText() {
    }

    /** The text and whether it was cut. */
    record Body(String text, boolean truncated) {
    }

    static Body of(MessagePart payload, int limit) {
        String text = firstPart(payload, "text/plain").map(MessageText::decode)
                .or(() -> firstPart(payload, "text/html").map(MessageText::decode).map(HtmlText::toText))
                .orElse("");
        if (text.length() <= limit) {
            return new Body(text, false);
        }
        int end = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
        return new Body(text.substring(0, end), true);
    }

    private static Optional<MessagePart> firstPart(MessagePart part, String mimeType) {
        if (part == null) {
            return Optional.empty();
        }
        boolean attachment = part.getFilename() != null && !part.getFilename().isEmpty();
        if (!attachment && mimeType.equalsIgnoreCase(part.getMimeType()) && part.getBody() != null
                && part.getBody().getData() != null) {
            return Optional.of(part);
        }
        List<MessagePart> children = part.getParts();
        if (children != null) {
            for (MessagePart child : children) {
                Optional<MessagePart> found = firstPart(child, mimeType);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String decode(MessagePart part) {
        return new String(part.getBody().decodeData(), charsetOf(part));
    }

    private static Charset charsetOf(MessagePart part) {
        if (part.getHeaders() != null) {
            for (MessagePartHeader header : part.getHeaders()) {
                if ("content-type".equalsIgnoreCase(header.getName()) && header.getValue() != null) {
                    Matcher matcher = CHARSET.matcher(header.getValue());
                    if (matcher.find()) {
                        return charset(matcher.group(1));
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** An unknown or unsupported charset reads as UTF-8 rather than losing the message. */
    private static Charset charset(String name) {
        String normalized = name.trim().toLowerCase(Locale.ROOT);
        // Mail software says us-ascii or latin1 where windows-1252 is what it sent.
        if (normalized.equals("us-ascii") || normalized.equals("iso-8859-1") || normalized.equals("latin1")) {
            return Charset.forName("windows-1252");
        }
        try {
            return Charset.forName(normalized);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
