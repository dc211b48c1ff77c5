package dev.syncline.providers.gmail;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns HTML into readable plain text for a message that has no text part: scripts and styles go,
 * block ends become line breaks, tags go, entities are decoded. Also decodes the entities in Gmail's
 * snippets, which Gmail HTML-escapes.
 */
final class HtmlText {

    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6]|blockquote|table)\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,10});");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "nbsp", " ", "ndash", "\u2013", "mdash", "\u2014", "hellip", "\u2026", "copy", "\u00a9");

    private HtmlText() {
    }

    static String toText(String html) {
        String text = INVISIBLE.matcher(html).replaceAll("");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = decodeEntities(text);
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            out.append(line.replaceAll("[ \\t\\x0B\\f\\r\\u00a0]+", " ").trim()).append('\n');
        }
        return out.toString().replaceAll("\n{3,}", "\n\n").trim();
    }

    static String decodeEntities(String text) {
        if (text == null || text.indexOf('&') < 0) {
            return text;
        }
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(entity(matcher.group(0), matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String entity(String whole, String name) {
        if (name.startsWith("#")) {
            boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
            int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
            return Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : whole;
        }
        return NAMED.getOrDefault(name.toLowerCase(Locale.ROOT), whole);
    }
}
