package dev.syncline.messages.sync;

/** An attendee's answer to an invitation, in the same words for both providers. */
public enum AttendeeResponse {
    ACCEPTED,
    DECLINED,
    TENTATIVE,
    NEEDS_ACTION
}
