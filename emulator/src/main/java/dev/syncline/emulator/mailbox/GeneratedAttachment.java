package dev.syncline.emulator.mailbox;

/** An attachment's metadata; the emulator never serves its bytes. */
public record GeneratedAttachment(String name, String contentType, long size) {
}
