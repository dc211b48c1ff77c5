package dev.syncline.emulator.mailbox;

/** A person in a generated mailbox. */
public record GeneratedAddress(String name, String email) {
}
