package dev.syncline.messages.sync;

/** The purposes content is sealed for; part of the associated data, so a blob opens only for its own purpose. */
public enum SealedContent {
    MAIL_PAGE("mail-page"),
    CALENDAR_PAGE("calendar-page");

    private final String purpose;

    SealedContent(String purpose) {
        this.purpose = purpose;
    }

    public String purpose() {
        return purpose;
    }
}
