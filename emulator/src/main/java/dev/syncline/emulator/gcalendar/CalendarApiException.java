package dev.syncline.emulator.gcalendar;

import dev.syncline.emulator.http.Response;

/**
 * Ends a Calendar API request with one of Google's error documents; thrown from deep inside the listing
 * (a stale token, a bad parameter) and turned into the answer by the endpoint.
 */
final class CalendarApiException extends RuntimeException {

    private final transient Response response;

    CalendarApiException(Response response) {
        super("Calendar API error " + response.status(), null, false, false);
        this.response = response;
    }

    Response response() {
        return response;
    }
}
