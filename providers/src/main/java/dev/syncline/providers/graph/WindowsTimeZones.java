package dev.syncline.providers.graph;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Outlook names zones the Windows way ("Pacific Standard Time") in {@code originalStartTimeZone} and
 * {@code recurrenceTimeZone}; this maps the common ones to IANA (CLDR's primary zone), and takes IANA names
 * as they are. Times themselves are asked for in UTC ({@code Prefer: outlook.timezone="UTC"}), so an unknown
 * name only costs the item its zone label, never its instants.
 */
final class WindowsTimeZones {

    private static final Map<String, String> WINDOWS_TO_IANA = Map.ofEntries(
            Map.entry("utc", "UTC"),
            Map.entry("gmt standard time", "Europe/London"),
            Map.entry("greenwich standard time", "Atlantic/Reykjavik"),
            Map.entry("w. europe standard time", "Europe/Berlin"),
            Map.entry("romance standard time", "Europe/Paris"),
            Map.entry("central europe standard time", "Europe/Budapest"),
            Map.entry("central european standard time", "Europe/Warsaw"),
            Map.entry("fle standard time", "Europe/Kiev"),
            Map.entry("gtb standard time", "Europe/Bucharest"),
            Map.entry("russian standard time", "Europe/Moscow"),
            Map.entry("turkey standard time", "Europe/Istanbul"),
            Map.entry("israel standard time", "Asia/Jerusalem"),
            Map.entry("south africa standard time", "Africa/Johannesburg"),
            Map.entry("arabian standard time", "Asia/Dubai"),
            Map.entry("india standard time", "Asia/Kolkata"),
            Map.entry("china standard time", "Asia/Shanghai"),
            Map.entry("singapore standard time", "Asia/Singapore"),
            Map.entry("tokyo standard time", "Asia/Tokyo"),
            Map.entry("korea standard time", "Asia/Seoul"),
            Map.entry("aus eastern standard time", "Australia/Sydney"),
            Map.entry("new zealand standard time", "Pacific/Auckland"),
            Map.entry("eastern standard time", "America/New_York"),
            Map.entry("central standard time", "America/Chicago"),
            Map.entry("mountain standard time", "America/Denver"),
            Map.entry("us mountain standard time", "America/Phoenix"),
            Map.entry("pacific standard time", "America/Los_Angeles"),
            Map.entry("alaskan standard time", "America/Anchorage"),
            Map.entry("hawaiian standard time", "Pacific/Honolulu"),
            Map.entry("atlantic standard time", "America/Halifax"),
            Map.entry("e. south america standard time", "America/Sao_Paulo"));

    private WindowsTimeZones() {
    }

    static Optional<ZoneId> zoneOf(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String iana = WINDOWS_TO_IANA.get(name.trim().toLowerCase(Locale.ROOT));
        try {
            return Optional.of(ZoneId.of(iana != null ? iana : name.trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
