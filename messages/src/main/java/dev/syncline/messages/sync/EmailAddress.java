package dev.syncline.messages.sync;

/** A mailbox as a message header names it; {@code name} may be null. */
public record EmailAddress(String name, String address) {
}
