package dev.syncline.emulator.http;

/**
 * Thrown by a handler to answer with an RFC 9457 problem document instead of its normal response.
 * Used by the control API; provider endpoints answer with the provider's own error shapes.
 */
public final class ProblemException extends RuntimeException {

    private final int status;
    private final String title;

    public ProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public Response toResponse() {
        return Response.problem(status, title, getMessage());
    }
}
