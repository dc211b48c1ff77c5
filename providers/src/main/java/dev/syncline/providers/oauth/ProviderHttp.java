package dev.syncline.providers.oauth;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/** The one HTTP client configuration for OAuth endpoints: bounded timeouts and OAuth-aware errors. */
final class ProviderHttp {

    private ProviderHttp() {
    }

    static JdkClientHttpRequestFactory restClientRequestFactory(Duration timeout) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(timeout);
        return requestFactory;
    }

    static RestClient restClient(Duration timeout, ClientHttpRequestInterceptor metering) {
        return RestClient.builder()
                .requestFactory(restClientRequestFactory(timeout))
                .requestInterceptor(metering)
                .configureMessageConverters(converters -> {
                    converters.addCustomConverter(new FormHttpMessageConverter());
                    converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(HttpStatusCode::isError, new OAuthErrorResponseHandler())
                .build();
    }
}
