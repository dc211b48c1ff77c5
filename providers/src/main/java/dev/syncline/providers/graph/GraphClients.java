package dev.syncline.providers.graph;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import dev.syncline.providers.metering.MeteredOkHttpCalls;
import dev.syncline.providers.metering.ProviderCallListener;
import okhttp3.OkHttpClient;

import java.net.URI;

/**
 * Makes a {@link GraphServiceClient} per call, bound to that call's access token, over one shared OkHttp
 * client (one connection pool for every mailbox).
 *
 * <p>The SDK's retry handler is switched off (no retries): it would sleep inside the call while holding
 * the mailbox's permit, and hide a long {@code Retry-After} from the sync, while other threads of the same
 * mailbox kept calling into the throttle. Instead a 429 surfaces as {@code ProviderThrottledException}, the
 * shared {@link GraphMailboxLimiter} holds every call of that mailbox back until {@code Retry-After} has
 * passed, and the sync records the wait and tries again.
 */
final class GraphClients {

    private final GraphSettings settings;
    private final String graphHost;
    private final OkHttpClient http;

    GraphClients(GraphSettings settings, ProviderCallListener calls) {
        this.settings = settings;
        this.graphHost = URI.create(settings.baseUrl()).getHost();
        RetryHandlerOption noRetries = new RetryHandlerOption((delay, attempt, request, response) -> false, 0, 0);
        this.http = GraphClientFactory.create(new RequestOption[]{noRetries})
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .callTimeout(settings.connectTimeout().plus(settings.readTimeout()))
                // After the SDK's middleware, so that it counts each request the middleware sends on, once. An
                // application interceptor, not a network one: those never hear of a connection that failed.
                .addInterceptor(new MeteredOkHttpCalls("microsoft", "graph", calls))
                .build();
    }

    GraphServiceClient forToken(String accessToken) {
        GraphServiceClient graph = new GraphServiceClient(
                new BaseBearerTokenAuthenticationProvider(new MailboxTokenProvider(accessToken, graphHost)), http);
        graph.getRequestAdapter().setBaseUrl(settings.baseUrl());
        return graph;
    }
}
