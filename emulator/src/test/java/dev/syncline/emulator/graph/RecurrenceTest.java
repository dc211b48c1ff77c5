package dev.syncline.emulator.graph;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RecurrenceTest {

    private static final LocalDate START = LocalDate.parse("2026-03-02");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest
    @ValueSource(strings = {"RRULE:FREQ=WEEKLY;BYDAY=MO", "RRULE:FREQ=DAILY;COUNT=10", "RRULE:FREQ=MONTHLY;BYMONTHDAY=1",
            "RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=20", "RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=2", "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20260331T215959Z"})
    void theGeneratorsRulesSurviveTheTripThroughGraphsModel(String rule) {
        assertThat(Recurrence.parse(rule, START, BERLIN).toRule(BERLIN, false)).isEqualTo(rule);
    }

    @Test
    void aWeeklyRuleBecomesAWeeklyPatternWithItsDays() {
        Recurrence recurrence = Recurrence.parse("RRULE:FREQ=WEEKLY;BYDAY=TH,TU;COUNT=20", START, BERLIN);

        assertThat(recurrence.type()).isEqualTo("weekly");
        assertThat(recurrence.daysOfWeek()).containsExactly(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
        assertThat(recurrence.rangeType()).isEqualTo("numbered");
        assertThat(recurrence.occurrences()).isEqualTo(20);
    }

    @Test
    void aMonthlyRuleWithAnOrdinalDayIsRelative() {
        Recurrence recurrence = Recurrence.parse("RRULE:FREQ=MONTHLY;BYDAY=2WE", START, BERLIN);

        assertThat(recurrence.type()).isEqualTo("relativeMonthly");
        assertThat(recurrence.index()).isEqualTo("second");
        assertThat(recurrence.rangeType()).isEqualTo("noEnd");
    }

    @Test
    void theGraphJsonCarriesPatternAndRange() {
        Map<String, Object> json = Recurrence.parse("RRULE:FREQ=WEEKLY;BYDAY=MO", START, BERLIN)
                .toJson(START, "W. Europe Standard Time");

        assertThat(json.get("pattern")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("type", "weekly").containsEntry("interval", 1)
                .containsEntry("daysOfWeek", List.of("monday"));
        assertThat(json.get("range")).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("type", "noEnd").containsEntry("startDate", "2026-03-02")
                .containsEntry("recurrenceTimeZone", "W. Europe Standard Time");
    }
}
