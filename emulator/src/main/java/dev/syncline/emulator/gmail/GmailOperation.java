package dev.syncline.emulator.gmail;

import java.util.List;
import java.util.Optional;

/**
 * The Gmail API methods the emulator serves, with the path below {@code users/{userId}/} and the
 * quota units Google charges for each.
 */
enum GmailOperation {
    GET_PROFILE(List.of("profile"), 1),
    LIST_LABELS(List.of("labels"), 1),
    LIST_MESSAGES(List.of("messages"), 5),
    GET_MESSAGE(List.of("messages", "{id}"), 5),
    LIST_HISTORY(List.of("history"), 2);

    static final List<String> PREFIX = List.of("gmail", "v1", "users");

    private final List<String> pattern;
    private final int cost;

    GmailOperation(List<String> pattern, int cost) {
        this.pattern = pattern;
        this.cost = cost;
    }

    int cost() {
        return cost;
    }

    /** The route pattern for the shared router, e.g. {@code /gmail/v1/users/{userId}/messages/{id}}. */
    String routePattern() {
        return "/" + String.join("/", PREFIX) + "/{userId}/" + String.join("/", pattern);
    }

    /** Matches decoded path segments such as {@code [gmail, v1, users, me, messages, 18c…]}. */
    static Optional<Match> match(List<String> segments) {
        int fixed = PREFIX.size() + 1;
        if (segments.size() <= fixed || !segments.subList(0, PREFIX.size()).equals(PREFIX)) {
            return Optional.empty();
        }
        List<String> rest = segments.subList(fixed, segments.size());
        for (GmailOperation operation : values()) {
            if (operation.pattern.size() != rest.size()) {
                continue;
            }
            String id = null;
            boolean matches = true;
            for (int i = 0; i < rest.size() && matches; i++) {
                String expected = operation.pattern.get(i);
                if (expected.equals("{id}")) {
                    id = rest.get(i);
                } else {
                    matches = expected.equals(rest.get(i));
                }
            }
            if (matches) {
                return Optional.of(new Match(operation, segments.get(PREFIX.size()), id));
            }
        }
        return Optional.empty();
    }

    /** A matched path: the operation, the {@code userId} segment and the message id when there is one. */
    record Match(GmailOperation operation, String userId, String messageId) {
    }
}
