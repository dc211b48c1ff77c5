package dev.syncline.providers.gmail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words ({@code =?UTF-8?B?...?=}, {@code =?ISO-8859-1?Q?...?=}) in header
 * values. Gmail usually hands headers over decoded; mail that was sent oddly still arrives encoded.
 */
final class EncodedWords {

    private static final Pattern WORD = Pattern.compile("=\\?([^?]+)\\?([bBqQ])\\?([^?]*)\\?=");
    /** Whitespace between two encoded words is not part of the text (RFC 2047, section 6.2). */
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");

    private EncodedWords() {
    }

    static String decode(String value) {
        if (value == null || !value.contains("=?")) {
            return value;
        }
        Matcher matcher = WORD.matcher(BETWEEN_WORDS.matcher(value).replaceAll("$1$2"));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(decodeWord(matcher.group(0), matcher.group(1),
                    matcher.group(2), matcher.group(3))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String decodeWord(String original, String charsetName, String encoding, String text) {
        try {
            // RFC 2231 allows a language after '*', e.g. UTF-8*en.
            Charset charset = Charset.forName(charsetName.split("\\*")[0]);
            byte[] bytes = encoding.toUpperCase(Locale.ROOT).equals("B") ? Base64.getMimeDecoder().decode(text) : quoted(text);
            return new String(bytes, charset);
        } catch (IllegalArgumentException e) {
            return original;
        }
    }

    private static byte[] quoted(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length()) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
