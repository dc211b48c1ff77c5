package dev.syncline.emulator.graph;

import dev.syncline.emulator.http.Request;

import java.util.Optional;

/**
 * One authenticated Graph API call (a request, or one step of a {@code $batch}) as a handler sees it.
 *
 * @param origin scheme and host the client used, e.g. {@code http://127.0.0.1:8089}; links point back there
 */
record ApiCall(Request request, GraphMailbox mailbox, String origin, GraphPreferences preferences) {

    String pathVariable(String name) {
        return request.pathVariable(name);
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(request.query().get(name));
    }

    /** A link to this call's own path with another query, e.g. a next page. */
    String linkWithQuery(String query) {
        return origin + request.path() + "?" + query;
    }
}
