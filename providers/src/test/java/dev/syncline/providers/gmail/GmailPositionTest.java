package dev.syncline.providers.gmail;

import dev.syncline.providers.sync.CursorExpiredException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GmailPositionTest {

    @Test
    void aFullSyncPositionSurvivesTheRoundTrip() {
        GmailPosition position = new GmailPosition.FullSync(new BigInteger("18446744073709551615"), 1_500L, "tok:en/with=odd+chars");

        assertThat(GmailPosition.parse(position.encode())).isEqualTo(position);
    }

    @Test
    void aFullSyncPositionWithoutTotalSurvivesTheRoundTrip() {
        GmailPosition position = new GmailPosition.FullSync(BigInteger.TEN, null, "next");

        assertThat(GmailPosition.parse(position.encode())).isEqualTo(position);
    }

    @Test
    void aCursorIsAHistoryPositionWithoutPageToken() {
        GmailPosition cursor = new GmailPosition.HistorySync(BigInteger.valueOf(100_042), null);

        assertThat(cursor.encode()).isEqualTo("history:100042");
        assertThat(GmailPosition.parse("history:100042")).isEqualTo(cursor);
        assertThat(GmailPosition.parse("history:100042:page-2"))
                .isEqualTo(new GmailPosition.HistorySync(BigInteger.valueOf(100_042), "page-2"));
    }

    @Test
    void somethingElseIsAnExpiredPosition() {
        assertThatThrownBy(() -> GmailPosition.parse("deltaLink:https://graph")).isInstanceOf(CursorExpiredException.class);
        assertThatThrownBy(() -> GmailPosition.parse("full:x")).isInstanceOf(CursorExpiredException.class);
        assertThatThrownBy(() -> GmailPosition.parse("history:")).isInstanceOf(CursorExpiredException.class);
    }
}
