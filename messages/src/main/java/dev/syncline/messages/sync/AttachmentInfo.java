package dev.syncline.messages.sync;

/** What is known of an attachment without downloading it. */
public record AttachmentInfo(String name, String contentType, long size) {
}
