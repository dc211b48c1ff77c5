package dev.syncline.providers.metering;

import com.google.api.client.http.HttpIOExceptionHandler;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponseInterceptor;
import java.io.IOException;

/**
 * Tells the listener of every request the Gmail or Calendar SDK sends (a batch as the one call it is): each answer
 * with its status through a response interceptor, which the SDK calls for any status, and each I/O failure through
 * the I/O exception handler. It wraps the SDK's request initializer, so it sees what that one sets up.
 */
public final class MeteredGoogleRequests implements HttpRequestInitializer {

    private final HttpRequestInitializer delegate;
    private final String api;
    private final ProviderCallListener listener;

    /** @param api gmail or calendar */
    public MeteredGoogleRequests(HttpRequestInitializer delegate, String api, ProviderCallListener listener) {
        this.delegate = delegate;
        this.api = api;
        this.listener = listener;
    }

    @Override
    public void initialize(HttpRequest request) throws IOException {
        if (delegate != null) {
            delegate.initialize(request);
        }
        HttpResponseInterceptor responses = request.getResponseInterceptor();
        request.setResponseInterceptor(response -> {
            listener.completed(new ProviderCall("google", api, response.getStatusCode()));
            if (responses != null) {
                responses.interceptResponse(response);
            }
        });
        HttpIOExceptionHandler failures = request.getIOExceptionHandler();
        request.setIOExceptionHandler((failed, supportsRetry) -> {
            listener.completed(new ProviderCall("google", api, null));
            return failures != null && failures.handleIOException(failed, supportsRetry);
        });
    }
}
