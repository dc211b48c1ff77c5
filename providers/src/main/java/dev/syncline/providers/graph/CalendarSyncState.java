package dev.syncline.providers.graph;

/**
 * Where a calendar sync stands: the next link of a running sync (a position), or the delta link where the
 * next one starts (a cursor). A null link starts a full sync.
 */
record CalendarSyncState(String link) {
}
