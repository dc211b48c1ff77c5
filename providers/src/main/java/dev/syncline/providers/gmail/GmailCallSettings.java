package dev.syncline.providers.gmail;

import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;

import java.time.Duration;

/**
 * Applied to every HTTP request the Gmail client makes, batch envelopes included: bounded timeouts,
 * no retries of its own (the sync engine decides about retries, and a blind retry would spend quota),
 * and no wire logging, which would show mail content.
 */
final class GmailCallSettings implements HttpRequestInitializer {

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    GmailCallSettings(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis());
    }

    @Override
    public void initialize(HttpRequest request) {
        request.setConnectTimeout(connectTimeoutMillis)
                .setReadTimeout(readTimeoutMillis)
                .setNumberOfRetries(0)
                .setLoggingEnabled(false)
                .setCurlLoggingEnabled(false);
    }
}
