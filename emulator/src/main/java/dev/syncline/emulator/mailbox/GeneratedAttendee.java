package dev.syncline.emulator.mailbox;

/**
 * An invited person and their answer: {@code accepted}, {@code declined}, {@code tentative} or
 * {@code needsAction} (Google's words; Graph's store maps them to its own).
 */
public record GeneratedAttendee(String email, String name, String response) {
}
