package dev.syncline.providers.metering;

import dev.syncline.messages.account.Provider;
import dev.syncline.providers.oauth.OAuthClientRegistry;
import dev.syncline.providers.oauth.OAuthClientSettings;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Tells the listener of each call to a provider's token, revocation or user-info endpoint. The provider and the
 * endpoint are found by comparing the request's address, without its query, with the registered endpoints: the
 * address itself is never passed on.
 */
public final class MeteredOAuthCalls implements ClientHttpRequestInterceptor {

    private final OAuthClientRegistry registry;
    private final ProviderCallListener listener;

    public MeteredOAuthCalls(OAuthClientRegistry registry, ProviderCallListener listener) {
        this.registry = registry;
        this.listener = listener;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
        ProviderCall unanswered = endpointOf(request.getURI());
        ClientHttpResponse response;
        try {
            response = execution.execute(request, body);
        } catch (IOException | RuntimeException e) {
            listener.completed(unanswered);
            throw e;
        }
        listener.completed(new ProviderCall(unanswered.provider(), unanswered.api(), response.getStatusCode().value()));
        return response;
    }

    private ProviderCall endpointOf(URI uri) {
        String address = withoutQuery(uri);
        for (Provider provider : Provider.values()) {
            Optional<OAuthClientSettings> client = registry.find(provider);
            if (client.isEmpty()) {
                continue;
            }
            String api = address.equals(withoutQuery(client.get().tokenUri())) ? "token"
                    : address.equals(withoutQuery(client.get().revocationUri())) ? "revocation"
                    : address.equals(withoutQuery(client.get().userInfoUri())) ? "userinfo"
                    : null;
            if (api != null) {
                return new ProviderCall(provider.id(), api, null);
            }
        }
        return new ProviderCall("unknown", "oauth", null);
    }

    private static String withoutQuery(String uri) {
        return uri == null || uri.isBlank() ? "" : withoutQuery(URI.create(uri));
    }

    private static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority() + (uri.getPath() == null ? "" : uri.getPath());
    }
}
