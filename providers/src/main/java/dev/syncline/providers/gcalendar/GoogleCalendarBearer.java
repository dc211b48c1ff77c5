package dev.syncline.providers.gcalendar;

import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;

import java.time.Duration;

/**
 * Prepares every Calendar request of one fetch: the mailbox's bearer token, bounded timeouts, no
 * retries behind the caller's back (the caller decides when to try again), and no SDK request logging,
 * which at its finest level would print the Authorization header.
 */
final class GoogleCalendarBearer implements HttpRequestInitializer {

    private final String accessToken;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    GoogleCalendarBearer(String accessToken, Duration connectTimeout, Duration readTimeout) {
        this.accessToken = accessToken;
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    }

    @Override
    public void initialize(HttpRequest request) {
        request.getHeaders().setAuthorization("Bearer " + accessToken);
        request.setConnectTimeout(connectTimeoutMillis);
        request.setReadTimeout(readTimeoutMillis);
        request.setNumberOfRetries(0);
        request.setLoggingEnabled(false);
        request.setCurlLoggingEnabled(false);
    }

    @Override
    public String toString() {
        return "GoogleCalendarBearer[accessToken=<redacted>]";
    }
}
