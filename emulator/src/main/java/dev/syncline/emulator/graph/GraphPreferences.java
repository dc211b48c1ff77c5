package dev.syncline.emulator.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Prefer} header of a Graph request (RFC 7240: preferences separated by commas, values
 * optionally quoted): {@code odata.maxpagesize=N}, {@code IdType="ImmutableId"},
 * {@code outlook.body-content-type="text"} and {@code outlook.timezone="…"}.
 *
 * <p>Only the first {@code Prefer} line is seen (the shared {@code Request} exposes one value per header),
 * so clients should send their preferences in one line, as the Syncline adapters do.
 */
record GraphPreferences(Integer maxPageSize, boolean immutableIds, boolean textBody, String timeZone) {

    static final GraphPreferences NONE = new GraphPreferences(null, false, false, null);

    static GraphPreferences parse(Optional<String> header) {
        if (header.isEmpty()) {
            return NONE;
        }
        Integer maxPageSize = null;
        boolean immutableIds = false;
        boolean textBody = false;
        String timeZone = null;
        for (String preference : splitOutsideQuotes(header.get())) {
            int eq = preference.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = preference.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = unquote(preference.substring(eq + 1).trim());
            switch (name) {
                case "odata.maxpagesize" -> maxPageSize = parsePositive(value);
                case "idtype" -> immutableIds = value.equalsIgnoreCase("ImmutableId");
                case "outlook.body-content-type" -> textBody = value.equalsIgnoreCase("text");
                case "outlook.timezone" -> timeZone = value;
                default -> {
                    // Other preferences (return=minimal, …) change nothing the emulator serves.
                }
            }
        }
        return new GraphPreferences(maxPageSize, immutableIds, textBody, timeZone);
    }

    /** The page size to serve: the preference capped at 999, or Graph's default of 10. */
    int pageSize() {
        return maxPageSize == null ? 10 : Math.min(maxPageSize, 999);
    }

    private static Integer parsePositive(String value) {
        try {
            int parsed = Integer.parseInt(value);
            return parsed > 0 ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> splitOutsideQuotes(String header) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
