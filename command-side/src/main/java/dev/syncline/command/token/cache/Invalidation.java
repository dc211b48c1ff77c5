package dev.syncline.command.token.cache;

import java.util.Optional;

/**
 * A message on the invalidation channel: node {@code origin} changed the token of {@code accountId}. The
 * origin lets a node skip its own messages (it already holds the new token). Carries ids only.
 */
record Invalidation(String origin, String accountId) {

    String encode() {
        return origin + " " + accountId;
    }

    static Optional<Invalidation> decode(String message) {
        int space = message.indexOf(' ');
        if (space <= 0 || space == message.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Invalidation(message.substring(0, space), message.substring(space + 1)));
    }
}
