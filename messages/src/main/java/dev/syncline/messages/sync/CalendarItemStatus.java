package dev.syncline.messages.sync;

/** Whether a calendar item takes place. A cancelled item that the provider still lists stays, flagged. */
public enum CalendarItemStatus {
    CONFIRMED,
    TENTATIVE,
    CANCELLED
}
