package dev.syncline.messages.sync;

/**
 * An item the provider no longer has where it was. {@code scope} is the Graph folder it left (the same
 * message may have arrived in another folder, so only the row in that folder goes); null means the item
 * is gone from the whole channel.
 */
public record RemovedItem(String externalId, String scope) {
}
