package dev.syncline.messages.sync;

import java.util.List;

/**
 * One page of synced messages, newest first.
 *
 * @param nextPageToken pass it as the next query's {@code pageToken} for the following page; null on the last page
 */
public record MessageListView(List<MessageSummaryView> items, String nextPageToken) {

    public MessageListView {
        items = List.copyOf(items);
    }
}
