package dev.syncline.emulator.gmail;

import java.util.Locale;

/** The {@code format} of {@code users.messages.get}; Gmail's default is {@code full}. */
enum MessageFormat {
    MINIMAL, METADATA, FULL;

    /** @throws GmailApiException 400 for a format the emulator does not serve (raw) or that does not exist */
    static MessageFormat parse(String text) {
        if (text == null || text.isBlank()) {
            return FULL;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw GmailApiException.invalidArgument("Invalid value for format: " + text
                    + " (the emulator serves minimal, metadata and full)");
        }
    }
}
