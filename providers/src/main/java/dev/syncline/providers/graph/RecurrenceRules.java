package dev.syncline.providers.graph;

import com.microsoft.graph.models.PatternedRecurrence;
import com.microsoft.graph.models.RecurrencePattern;
import com.microsoft.graph.models.RecurrencePatternType;
import com.microsoft.graph.models.RecurrenceRange;
import com.microsoft.graph.models.RecurrenceRangeType;
import com.microsoft.graph.models.WeekIndex;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Graph's {@code patternedRecurrence} as one RFC 5545 {@code RRULE} line, in a fixed part order: FREQ,
 * INTERVAL (above 1), BYMONTH (yearly), BYDAY (weekly; with an ordinal for relative patterns; days Monday
 * first), BYMONTHDAY (absolute monthly and yearly), then COUNT or UNTIL. UNTIL is the range's last day: a
 * date for all-day series, else the end of that day in the recurrence's zone, in UTC.
 */
final class RecurrenceRules {

    private static final DateTimeFormatter UNTIL_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UNTIL_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private RecurrenceRules() {
    }

    static List<String> of(PatternedRecurrence recurrence, ZoneId itemZone, boolean allDay) {
        if (recurrence == null || recurrence.getPattern() == null || recurrence.getPattern().getType() == null) {
            return List.of();
        }
        RecurrencePattern pattern = recurrence.getPattern();
        RecurrencePatternType type = pattern.getType();
        StringBuilder rule = new StringBuilder("RRULE:FREQ=").append(frequency(type));
        int interval = pattern.getInterval() == null ? 1 : pattern.getInterval();
        if (interval > 1) {
            rule.append(";INTERVAL=").append(interval);
        }
        boolean yearly = type == RecurrencePatternType.AbsoluteYearly || type == RecurrencePatternType.RelativeYearly;
        boolean relative = type == RecurrencePatternType.RelativeMonthly || type == RecurrencePatternType.RelativeYearly;
        boolean absolute = type == RecurrencePatternType.AbsoluteMonthly || type == RecurrencePatternType.AbsoluteYearly;
        if (yearly && positive(pattern.getMonth())) {
            rule.append(";BYMONTH=").append(pattern.getMonth());
        }
        if ((type == RecurrencePatternType.Weekly || relative) && pattern.getDaysOfWeek() != null
                && !pattern.getDaysOfWeek().isEmpty()) {
            String ordinal = relative ? ordinal(pattern.getIndex()) : "";
            rule.append(";BYDAY=").append(pattern.getDaysOfWeek().stream()
                    .map(day -> DayOfWeek.valueOf(day.getValue().toUpperCase(Locale.ROOT)))
                    .sorted().distinct()
                    .map(day -> ordinal + day.name().substring(0, 2))
                    .collect(Collectors.joining(",")));
        }
        if (absolute && positive(pattern.getDayOfMonth())) {
            rule.append(";BYMONTHDAY=").append(pattern.getDayOfMonth());
        }
        appendRange(rule, recurrence.getRange(), itemZone, allDay);
        return List.of(rule.toString());
    }

    private static void appendRange(StringBuilder rule, RecurrenceRange range, ZoneId itemZone, boolean allDay) {
        if (range == null || range.getType() == null) {
            return;
        }
        if (range.getType() == RecurrenceRangeType.Numbered && positive(range.getNumberOfOccurrences())) {
            rule.append(";COUNT=").append(range.getNumberOfOccurrences());
        } else if (range.getType() == RecurrenceRangeType.EndDate && range.getEndDate() != null) {
            ZoneId zone = WindowsTimeZones.zoneOf(range.getRecurrenceTimeZone()).orElse(itemZone);
            rule.append(";UNTIL=").append(allDay ? UNTIL_DATE.format(range.getEndDate())
                    : UNTIL_TIME.format(range.getEndDate().atTime(LocalTime.of(23, 59, 59)).atZone(zone)
                    .withZoneSameInstant(ZoneOffset.UTC)));
        }
    }

    private static String frequency(RecurrencePatternType type) {
        return switch (type) {
            case Weekly -> "WEEKLY";
            case AbsoluteMonthly, RelativeMonthly -> "MONTHLY";
            case AbsoluteYearly, RelativeYearly -> "YEARLY";
            default -> "DAILY";
        };
    }

    private static String ordinal(WeekIndex index) {
        if (index == null) {
            return "1";
        }
        return switch (index) {
            case Second -> "2";
            case Third -> "3";
            case Fourth -> "4";
            case Last -> "-1";
            default -> "1";
        };
    }

    private static boolean positive(Integer value) {
        return value != null && value > 0;
    }
}
