package dev.syncline.providers.gmail;

import dev.syncline.messages.sync.EmailAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses RFC 5322 address lists as they appear in From, To and Cc: display names plain or quoted
 * ({@code "Lovelace, Ada" <ada@example.com>}), escaped quotes, comments ({@code ada@example.com (Ada)}),
 * groups ({@code Team: a@example.com, b@example.com;}) and encoded words in names. Lenient: what cannot
 * be an address is skipped rather than failing the message.
 */
final class AddressListParser {

    private AddressListParser() {
    }

    static List<EmailAddress> parse(String header) {
        List<EmailAddress> addresses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return addresses;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean escaped = false;
        int comment = 0;
        int angle = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (escaped) {
                escaped = false;
                current.append(c);
                continue;
            }
            if (c == '\\' && (quoted || comment > 0)) {
                escaped = true;
                current.append(c);
                continue;
            }
            if (quoted) {
                quoted = c != '"';
                current.append(c);
                continue;
            }
            if (comment > 0) {
                comment += c == '(' ? 1 : c == ')' ? -1 : 0;
                current.append(c);
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    current.append(c);
                }
                case '(' -> {
                    comment++;
                    current.append(c);
                }
                case '<' -> {
                    angle++;
                    current.append(c);
                }
                case '>' -> {
                    angle = Math.max(0, angle - 1);
                    current.append(c);
                }
                // A group's name is no address; its members follow the colon.
                case ':' -> {
                    if (angle == 0) {
                        current.setLength(0);
                    } else {
                        current.append(c);
                    }
                }
                case ',', ';' -> {
                    if (angle == 0) {
                        mailbox(current.toString()).ifPresent(addresses::add);
                        current.setLength(0);
                    } else {
                        current.append(c);
                    }
                }
                default -> current.append(c);
            }
        }
        mailbox(current.toString()).ifPresent(addresses::add);
        return addresses;
    }

    private static Optional<EmailAddress> mailbox(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        int open = indexOutsideQuotes(trimmed, '<');
        String address;
        String name;
        if (open >= 0) {
            int close = trimmed.indexOf('>', open);
            address = trimmed.substring(open + 1, close < 0 ? trimmed.length() : close).trim();
            // An obsolete source route (<@relay:ada@example.com>) precedes the address.
            address = address.substring(address.lastIndexOf(':') + 1).trim();
            name = phrase(trimmed.substring(0, open));
        } else {
            address = withoutComments(trimmed).trim();
            name = commentText(trimmed);
        }
        if (address.isEmpty() || !address.contains("@")) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(name, address));
    }

    /** A display name: quotes and escapes removed, comments dropped, whitespace collapsed, encoded words decoded. */
    private static String phrase(String raw) {
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        int comment = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && (quoted || comment > 0) && i + 1 < raw.length()) {
                if (comment == 0) {
                    name.append(raw.charAt(i + 1));
                }
                i++;
            } else if (comment > 0) {
                comment += c == '(' ? 1 : c == ')' ? -1 : 0;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '(' && !quoted) {
                comment++;
            } else {
                name.append(c);
            }
        }
        String decoded = EncodedWords.decode(name.toString().replaceAll("\\s+", " ").trim());
        return decoded.isEmpty() ? null : decoded;
    }

    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The old form {@code ada@example.com (Ada Lovelace)} names the person in a comment. */
    private static String commentText(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close <= open) {
            return null;
        }
        String name = EncodedWords.decode(text.substring(open + 1, close).replaceAll("\\s+", " ").trim());
        return name.isEmpty() ? null : name;
    }

    private static int indexOutsideQuotes(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
