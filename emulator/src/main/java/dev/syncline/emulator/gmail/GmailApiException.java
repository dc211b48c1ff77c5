package dev.syncline.emulator.gmail;

import dev.syncline.emulator.http.Response;

/** Ends a Gmail call with one of Google's error answers instead of its normal result. */
final class GmailApiException extends RuntimeException {

    private final transient Response response;

    GmailApiException(Response response) {
        super(null, null, false, false);
        this.response = response;
    }

    static GmailApiException invalidArgument(String message) {
        return new GmailApiException(GoogleErrors.invalidArgument(message));
    }

    static GmailApiException notFound() {
        return new GmailApiException(GoogleErrors.notFound());
    }

    Response response() {
        return response;
    }
}
