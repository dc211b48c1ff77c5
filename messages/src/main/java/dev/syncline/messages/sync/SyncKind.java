package dev.syncline.messages.sync;

/**
 * What a sync does: {@code FULL} pages through everything the provider has and, when it completes,
 * removes what it did not see; {@code INCREMENTAL} applies the changes since the channel's cursor.
 */
public enum SyncKind {
    FULL,
    INCREMENTAL
}
