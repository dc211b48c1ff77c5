package dev.syncline.providers.gcalendar;

import dev.syncline.providers.sync.CursorExpiredException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoogleCalendarPositionTest {

    @Test
    void noPositionStartsAFullSync() {
        GoogleCalendarPosition start = GoogleCalendarPosition.decode(null);

        assertThat(start.incremental()).isFalse();
        assertThat(start.pageToken()).isNull();
    }

    @Test
    void positionsSurviveTheRoundTripWhateverTheTokensHoldInside() {
        GoogleCalendarPosition position = GoogleCalendarPosition.incrementalFrom("CPDAlvWDx70CEPDA:x/y+z=")
                .continuedAt("page|token:with=odd/chars");

        assertThat(GoogleCalendarPosition.decode(position.encode())).isEqualTo(position);
    }

    @Test
    void aFullSyncContinuesWithoutASyncToken() {
        GoogleCalendarPosition next = GoogleCalendarPosition.decode(null).continuedAt("p2");

        assertThat(GoogleCalendarPosition.decode(next.encode())).isEqualTo(new GoogleCalendarPosition(null, "p2"));
    }

    @Test
    void textThisAdapterDidNotWriteMeansSyncFromScratch() {
        assertThatThrownBy(() -> GoogleCalendarPosition.decode("gmail:12345")).isInstanceOf(CursorExpiredException.class);
        assertThatThrownBy(() -> GoogleCalendarPosition.decode("gcal1:***:")).isInstanceOf(CursorExpiredException.class);
    }
}
