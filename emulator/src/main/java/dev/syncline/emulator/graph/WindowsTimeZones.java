package dev.syncline.emulator.graph;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Windows time zone names, which Outlook uses in {@code originalStartTimeZone} and accepts in
 * {@code Prefer: outlook.timezone}, for the common IANA zones (CLDR's primary mapping).
 */
final class WindowsTimeZones {

    private static final Map<String, String> WINDOWS_TO_IANA = new LinkedHashMap<>();

    static {
        WINDOWS_TO_IANA.put("UTC", "UTC");
        WINDOWS_TO_IANA.put("GMT Standard Time", "Europe/London");
        WINDOWS_TO_IANA.put("Greenwich Standard Time", "Atlantic/Reykjavik");
        WINDOWS_TO_IANA.put("W. Europe Standard Time", "Europe/Berlin");
        WINDOWS_TO_IANA.put("Romance Standard Time", "Europe/Paris");
        WINDOWS_TO_IANA.put("Central Europe Standard Time", "Europe/Budapest");
        WINDOWS_TO_IANA.put("Central European Standard Time", "Europe/Warsaw");
        WINDOWS_TO_IANA.put("FLE Standard Time", "Europe/Kiev");
        WINDOWS_TO_IANA.put("GTB Standard Time", "Europe/Bucharest");
        WINDOWS_TO_IANA.put("Russian Standard Time", "Europe/Moscow");
        WINDOWS_TO_IANA.put("Turkey Standard Time", "Europe/Istanbul");
        WINDOWS_TO_IANA.put("Israel Standard Time", "Asia/Jerusalem");
        WINDOWS_TO_IANA.put("South Africa Standard Time", "Africa/Johannesburg");
        WINDOWS_TO_IANA.put("Arabian Standard Time", "Asia/Dubai");
        WINDOWS_TO_IANA.put("India Standard Time", "Asia/Kolkata");
        WINDOWS_TO_IANA.put("China Standard Time", "Asia/Shanghai");
        WINDOWS_TO_IANA.put("Singapore Standard Time", "Asia/Singapore");
        WINDOWS_TO_IANA.put("Tokyo Standard Time", "Asia/Tokyo");
        WINDOWS_TO_IANA.put("Korea Standard Time", "Asia/Seoul");
        WINDOWS_TO_IANA.put("AUS Eastern Standard Time", "Australia/Sydney");
        WINDOWS_TO_IANA.put("New Zealand Standard Time", "Pacific/Auckland");
        WINDOWS_TO_IANA.put("Eastern Standard Time", "America/New_York");
        WINDOWS_TO_IANA.put("Central Standard Time", "America/Chicago");
        WINDOWS_TO_IANA.put("Mountain Standard Time", "America/Denver");
        WINDOWS_TO_IANA.put("US Mountain Standard Time", "America/Phoenix");
        WINDOWS_TO_IANA.put("Pacific Standard Time", "America/Los_Angeles");
        WINDOWS_TO_IANA.put("Alaskan Standard Time", "America/Anchorage");
        WINDOWS_TO_IANA.put("Hawaiian Standard Time", "Pacific/Honolulu");
        WINDOWS_TO_IANA.put("Atlantic Standard Time", "America/Halifax");
        WINDOWS_TO_IANA.put("E. South America Standard Time", "America/Sao_Paulo");
    }

    private WindowsTimeZones() {
    }

    /** The Windows name of a zone, or its IANA id when the table has none (Outlook accepts both). */
    static String windowsNameOf(ZoneId zone) {
        return WINDOWS_TO_IANA.entrySet().stream().filter(e -> e.getValue().equals(zone.getId()))
                .map(Map.Entry::getKey).findFirst().orElse(zone.getId());
    }

    /** The zone a Windows or IANA name stands for. */
    static Optional<ZoneId> zoneNamed(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> entry : WINDOWS_TO_IANA.entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(ZoneId.of(entry.getValue()));
            }
        }
        try {
            return Optional.of(ZoneId.of(name.trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
