package dev.syncline.emulator.graph;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A recurrence in Graph's terms ({@code patternedRecurrence}: a pattern and a range), made from the RFC
 * 5545 rule a generated item carries, and written back as a canonical rule for snapshots: {@code FREQ},
 * {@code INTERVAL} when above 1, {@code BYMONTH}, {@code BYDAY} (days Monday first, with an ordinal for
 * relative patterns), {@code BYMONTHDAY}, then {@code COUNT} or {@code UNTIL}. The Graph adapter writes
 * Graph's recurrence in the same form, so a synced item and the snapshot compare equal.
 *
 * @param type  {@code daily}, {@code weekly}, {@code absoluteMonthly}, {@code relativeMonthly},
 *              {@code absoluteYearly} or {@code relativeYearly}
 * @param index for relative patterns: {@code first} … {@code fourth} or {@code last}
 * @param rangeType {@code noEnd}, {@code numbered} or {@code endDate}
 */
record Recurrence(String type, int interval, List<DayOfWeek> daysOfWeek, int dayOfMonth, int month, String index,
                  String rangeType, int occurrences, LocalDate endDate) {

    private static final List<String> INDEXES = List.of("first", "second", "third", "fourth");
    private static final DateTimeFormatter UNTIL_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UNTIL_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    Recurrence {
        daysOfWeek = daysOfWeek.stream().sorted(Comparator.naturalOrder()).toList();
    }

    /** @param start the first day of the item, which fills in what the rule leaves implicit */
    static Recurrence parse(String rule, LocalDate start, ZoneId zone) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : rule.replaceFirst("(?i)^RRULE:", "").split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).trim().toUpperCase(Locale.ROOT), part.substring(eq + 1).trim());
            }
        }
        String freq = parts.getOrDefault("FREQ", "DAILY").toUpperCase(Locale.ROOT);
        int interval = Integer.parseInt(parts.getOrDefault("INTERVAL", "1"));
        List<String> byDay = parts.containsKey("BYDAY") ? List.of(parts.get("BYDAY").split(",")) : List.of();
        boolean relative = byDay.stream().anyMatch(day -> day.length() > 2);
        List<DayOfWeek> days = byDay.stream().map(day -> dayOf(day.substring(day.length() - 2))).toList();
        String index = relative ? indexOf(byDay.get(0).substring(0, byDay.get(0).length() - 2)) : "first";
        int dayOfMonth = Integer.parseInt(parts.getOrDefault("BYMONTHDAY", Integer.toString(start.getDayOfMonth())));
        int month = Integer.parseInt(parts.getOrDefault("BYMONTH", Integer.toString(start.getMonthValue())));
        String type = switch (freq) {
            case "WEEKLY" -> "weekly";
            case "MONTHLY" -> relative ? "relativeMonthly" : "absoluteMonthly";
            case "YEARLY" -> relative ? "relativeYearly" : "absoluteYearly";
            default -> "daily";
        };
        if (type.equals("weekly") && days.isEmpty()) {
            days = List.of(start.getDayOfWeek());
        }
        boolean usesDays = type.equals("weekly") || relative;
        boolean usesDayOfMonth = type.startsWith("absolute");
        boolean usesMonth = type.endsWith("Yearly");
        if (parts.containsKey("COUNT")) {
            return new Recurrence(type, interval, usesDays ? days : List.of(), usesDayOfMonth ? dayOfMonth : 0,
                    usesMonth ? month : 0, index, "numbered", Integer.parseInt(parts.get("COUNT")), null);
        }
        LocalDate until = parts.containsKey("UNTIL") ? untilDate(parts.get("UNTIL"), zone) : null;
        return new Recurrence(type, interval, usesDays ? days : List.of(), usesDayOfMonth ? dayOfMonth : 0,
                usesMonth ? month : 0, index, until == null ? "noEnd" : "endDate", 0, until);
    }

    /** The canonical RFC 5545 rule, e.g. {@code RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=20}. */
    String toRule(ZoneId zone, boolean allDay) {
        StringBuilder rule = new StringBuilder("RRULE:FREQ=").append(switch (type) {
            case "weekly" -> "WEEKLY";
            case "absoluteMonthly", "relativeMonthly" -> "MONTHLY";
            case "absoluteYearly", "relativeYearly" -> "YEARLY";
            default -> "DAILY";
        });
        if (interval > 1) {
            rule.append(";INTERVAL=").append(interval);
        }
        if (month > 0) {
            rule.append(";BYMONTH=").append(month);
        }
        if (!daysOfWeek.isEmpty()) {
            String ordinal = type.startsWith("relative") ? ordinalOf(index) : "";
            rule.append(";BYDAY=").append(daysOfWeek.stream().map(day -> ordinal + day.name().substring(0, 2))
                    .collect(Collectors.joining(",")));
        }
        if (dayOfMonth > 0) {
            rule.append(";BYMONTHDAY=").append(dayOfMonth);
        }
        if (rangeType.equals("numbered")) {
            rule.append(";COUNT=").append(occurrences);
        } else if (rangeType.equals("endDate")) {
            rule.append(";UNTIL=").append(allDay ? UNTIL_DATE.format(endDate)
                    : UNTIL_TIME.format(endDate.atTime(LocalTime.of(23, 59, 59)).atZone(zone)
                    .withZoneSameInstant(ZoneOffset.UTC)));
        }
        return rule.toString();
    }

    /** Graph's {@code patternedRecurrence} JSON. */
    Map<String, Object> toJson(LocalDate startDate, String zoneName) {
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("type", type);
        pattern.put("interval", interval);
        pattern.put("month", month);
        pattern.put("dayOfMonth", dayOfMonth);
        List<String> days = new ArrayList<>();
        daysOfWeek.forEach(day -> days.add(day.name().toLowerCase(Locale.ROOT)));
        pattern.put("daysOfWeek", days);
        pattern.put("firstDayOfWeek", "sunday");
        pattern.put("index", index);
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("type", rangeType);
        range.put("startDate", startDate.toString());
        range.put("endDate", endDate == null ? "0001-01-01" : endDate.toString());
        range.put("recurrenceTimeZone", zoneName);
        range.put("numberOfOccurrences", occurrences);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pattern", pattern);
        json.put("range", range);
        return json;
    }

    private static DayOfWeek dayOf(String code) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(code.toUpperCase(Locale.ROOT))) {
                return day;
            }
        }
        throw new IllegalArgumentException("Not a weekday: " + code);
    }

    private static String indexOf(String ordinal) {
        int n = Integer.parseInt(ordinal.replace("+", ""));
        return n < 0 ? "last" : INDEXES.get(Math.min(n, 4) - 1);
    }

    private static String ordinalOf(String index) {
        return index.equals("last") ? "-1" : Integer.toString(INDEXES.indexOf(index) + 1);
    }

    private static LocalDate untilDate(String until, ZoneId zone) {
        if (until.length() == 8) {
            return LocalDate.parse(until, UNTIL_DATE);
        }
        Instant instant = UNTIL_TIME.withZone(ZoneOffset.UTC).parse(until, Instant::from);
        return instant.atZone(zone).toLocalDate();
    }
}
