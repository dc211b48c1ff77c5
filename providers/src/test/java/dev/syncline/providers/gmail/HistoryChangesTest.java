package dev.syncline.providers.gmail;

import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.HistoryLabelAdded;
import com.google.api.services.gmail.model.HistoryLabelRemoved;
import com.google.api.services.gmail.model.HistoryMessageAdded;
import com.google.api.services.gmail.model.HistoryMessageDeleted;
import com.google.api.services.gmail.model.Message;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryChangesTest {

    @Test
    void addedAndRelabelledMessagesAreFetchedAndDeletedOnesRemoved() {
        HistoryChanges changes = HistoryChanges.of(List.of(
                new History().setMessagesAdded(List.of(new HistoryMessageAdded().setMessage(ref("a")))),
                new History().setLabelsAdded(List.of(new HistoryLabelAdded().setMessage(ref("b")).setLabelIds(List.of("UNREAD")))),
                new History().setLabelsRemoved(List.of(new HistoryLabelRemoved().setMessage(ref("c")).setLabelIds(List.of("INBOX")))),
                new History().setMessagesDeleted(List.of(new HistoryMessageDeleted().setMessage(ref("d"))))));

        assertThat(changes.changed()).containsExactly("a", "b", "c");
        assertThat(changes.deleted()).containsExactly("d");
    }

    @Test
    void aMessageAddedAndDeletedInTheWindowIsOnlyRemoved() {
        HistoryChanges changes = HistoryChanges.of(List.of(
                new History().setMessagesAdded(List.of(new HistoryMessageAdded().setMessage(ref("x")))),
                new History().setLabelsAdded(List.of(new HistoryLabelAdded().setMessage(ref("x")))),
                new History().setMessagesDeleted(List.of(new HistoryMessageDeleted().setMessage(ref("x")))),
                new History().setLabelsRemoved(List.of(new HistoryLabelRemoved().setMessage(ref("x"))))));

        assertThat(changes.changed()).isEmpty();
        assertThat(changes.deleted()).containsExactly("x");
    }

    @Test
    void aMessageChangedSeveralTimesIsFetchedOnce() {
        HistoryChanges changes = HistoryChanges.of(List.of(
                new History().setLabelsAdded(List.of(new HistoryLabelAdded().setMessage(ref("m")))).setMessages(List.of(ref("m"))),
                new History().setLabelsRemoved(List.of(new HistoryLabelRemoved().setMessage(ref("m")))).setMessages(List.of(ref("m")))));

        assertThat(changes.changed()).containsExactly("m");
    }

    @Test
    void noHistoryMeansNoChanges() {
        HistoryChanges changes = HistoryChanges.of(null);

        assertThat(changes.changed()).isEmpty();
        assertThat(changes.deleted()).isEmpty();
    }

    private static Message ref(String id) {
        return new Message().setId(id).setThreadId("t-" + id);
    }
}
