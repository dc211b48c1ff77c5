package dev.syncline.providers.graph;

import com.microsoft.graph.models.DayOfWeek;
import com.microsoft.graph.models.PatternedRecurrence;
import com.microsoft.graph.models.RecurrencePattern;
import com.microsoft.graph.models.RecurrencePatternType;
import com.microsoft.graph.models.RecurrenceRange;
import com.microsoft.graph.models.RecurrenceRangeType;
import com.microsoft.graph.models.WeekIndex;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecurrenceRulesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aWeeklySeriesListsItsDaysMondayFirst() {
        PatternedRecurrence recurrence = recurrence(RecurrencePatternType.Weekly, 1,
                List.of(DayOfWeek.Thursday, DayOfWeek.Tuesday), range(RecurrenceRangeType.Numbered, 20, null, null));

        assertThat(RecurrenceRules.of(recurrence, BERLIN, false)).containsExactly("RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=20");
    }

    @Test
    void aRelativeMonthlySeriesCarriesItsOrdinal() {
        PatternedRecurrence recurrence = recurrence(RecurrencePatternType.RelativeMonthly, 2, List.of(DayOfWeek.Friday),
                range(RecurrenceRangeType.NoEnd, 0, null, null));
        recurrence.getPattern().setIndex(WeekIndex.Last);

        assertThat(RecurrenceRules.of(recurrence, BERLIN, false)).containsExactly("RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR");
    }

    @Test
    void anAbsoluteYearlySeriesNamesMonthAndDay() {
        PatternedRecurrence recurrence = recurrence(RecurrencePatternType.AbsoluteYearly, 1, List.of(),
                range(RecurrenceRangeType.NoEnd, 0, null, null));
        recurrence.getPattern().setMonth(3);
        recurrence.getPattern().setDayOfMonth(2);

        assertThat(RecurrenceRules.of(recurrence, BERLIN, false)).containsExactly("RRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=2");
    }

    @Test
    void anEndDateBecomesTheEndOfThatDayInTheSeriesZoneInUtc() {
        PatternedRecurrence timed = recurrence(RecurrencePatternType.Daily, 1, List.of(),
                range(RecurrenceRangeType.EndDate, 0, LocalDate.parse("2026-03-31"), "Pacific Standard Time"));
        PatternedRecurrence allDay = recurrence(RecurrencePatternType.Daily, 1, List.of(),
                range(RecurrenceRangeType.EndDate, 0, LocalDate.parse("2026-03-31"), "Pacific Standard Time"));

        assertThat(RecurrenceRules.of(timed, BERLIN, false)).containsExactly("RRULE:FREQ=DAILY;UNTIL=20260401T065959Z");
        assertThat(RecurrenceRules.of(allDay, BERLIN, true)).containsExactly("RRULE:FREQ=DAILY;UNTIL=20260331");
    }

    @Test
    void aSingleItemHasNoRule() {
        assertThat(RecurrenceRules.of(null, BERLIN, false)).isEmpty();
    }

    private static PatternedRecurrence recurrence(RecurrencePatternType type, int interval, List<DayOfWeek> days,
                                                  RecurrenceRange range) {
        RecurrencePattern pattern = new RecurrencePattern();
        pattern.setType(type);
        pattern.setInterval(interval);
        pattern.setDaysOfWeek(days);
        pattern.setMonth(0);
        pattern.setDayOfMonth(0);
        PatternedRecurrence recurrence = new PatternedRecurrence();
        recurrence.setPattern(pattern);
        recurrence.setRange(range);
        return recurrence;
    }

    private static RecurrenceRange range(RecurrenceRangeType type, int occurrences, LocalDate end, String zone) {
        RecurrenceRange range = new RecurrenceRange();
        range.setType(type);
        range.setNumberOfOccurrences(occurrences);
        range.setEndDate(end);
        range.setRecurrenceTimeZone(zone);
        return range;
    }
}
