package dev.syncline.emulator.graph;

import dev.syncline.emulator.http.Response;

import java.time.Instant;

/** Thrown by a Graph handler to answer with Graph's error JSON instead of its normal response. */
final class GraphApiException extends RuntimeException {

    private final int status;
    private final String code;

    GraphApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static GraphApiException itemNotFound() {
        return new GraphApiException(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    /** Graph's answer to an expired delta or skip token; the client must start the delta again. */
    static GraphApiException syncStateGone(String code) {
        return new GraphApiException(410, code,
                "The sync state generation is no longer valid. Restart the synchronization without a token.");
    }

    Response toResponse(Instant now) {
        return GraphErrors.error(status, code, getMessage(), now);
    }
}
