package dev.syncline.providers.metering;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** An OkHttp interceptor that tells the listener of each request sent and its status, or of its I/O failure. */
public final class MeteredOkHttpCalls implements Interceptor {

    private final String provider;
    private final String api;
    private final ProviderCallListener listener;

    public MeteredOkHttpCalls(String provider, String api, ProviderCallListener listener) {
        this.provider = provider;
        this.api = api;
        this.listener = listener;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException | RuntimeException e) {
            listener.completed(new ProviderCall(provider, api, null));
            throw e;
        }
        listener.completed(new ProviderCall(provider, api, response.code()));
        return response;
    }
}
