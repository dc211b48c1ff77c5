package dev.syncline.api.login;

import dev.syncline.api.security.SecurityProperties;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenID Connect login as Spring Security's {@code oauth2Login}, for the stateless API:
 * {@code GET /api/v1/auth/login/{provider}} redirects to the provider, {@code /api/v1/auth/callback/{provider}}
 * takes the answer. The authorization request lives in PostgreSQL, bound to the browser; the ID token is
 * checked by {@link IdTokenDecoders}; the identity comes from the ID token alone (no user-info call), and the
 * provider's tokens are dropped. Success and failure answer as the API does, never with a login page.
 */
@Component
public class OidcLogin implements Customizer<OAuth2LoginConfigurer<HttpSecurity>> {

    private final LoginClientRegistrations registrations;
    private final SecurityProperties security;
    private final ObjectProvider<LoginRequestStore> requests;
    private final ObjectProvider<OidcLoginCompletion> completion;
    private final ObjectProvider<JsonMapper> json;
    private final HandlerExceptionResolver resolver;
    private final Duration providerTimeout;

    public OidcLogin(LoginClientRegistrations registrations, SecurityProperties security,
                     ObjectProvider<LoginRequestStore> requests, ObjectProvider<OidcLoginCompletion> completion,
                     ObjectProvider<JsonMapper> json, @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
                     @Value("${syncline.tokens.provider-timeout:15s}") Duration providerTimeout) {
        this.registrations = registrations;
        this.security = security;
        this.requests = requests;
        this.completion = completion;
        this.json = json;
        this.resolver = resolver;
        this.providerTimeout = providerTimeout;
    }

    @Override
    public void customize(OAuth2LoginConfigurer<HttpSecurity> login) {
        ProblemResponder problems = new ProblemResponder(resolver);
        LoginAuthorizationRequestRepository repository = new LoginAuthorizationRequestRepository(
                requests::getObject, new BrowserBinding(LoginRequestStore.LIFETIME));
        login.clientRegistrationRepository(registrations)
                .authorizedClientRepository(new NoAuthorizedClients())
                .authorizationEndpoint(endpoint -> endpoint
                        .baseUri(LoginAuthorizationRequestResolver.BASE_URI)
                        .authorizationRequestResolver(
                                new LoginAuthorizationRequestResolver(registrations, security.frontendOrigins()))
                        .authorizationRequestRepository(repository))
                .redirectionEndpoint(endpoint -> endpoint.baseUri(LoginRegistrationsConfiguration.CALLBACK_PATH + "*"))
                .tokenEndpoint(endpoint -> endpoint.accessTokenResponseClient(tokenResponseClient()))
                .userInfoEndpoint(endpoint -> endpoint.oidcUserService(idTokenOnly()))
                .successHandler(new OidcLoginSuccessHandler(completion, json, problems))
                .failureHandler(new OidcLoginFailureHandler(problems))
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(new LoginStartFailureHandler(problems));
                        return filter;
                    }
                });
    }

    /** Spring's token client, with bounded timeouts: a provider that hangs must not hold a request thread for long. */
    private RestClientAuthorizationCodeTokenResponseClient tokenResponseClient() {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(providerTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(providerTimeout);
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(RestClient.builder()
                .requestFactory(requestFactory)
                .configureMessageConverters(converters -> {
                    converters.addCustomConverter(new FormHttpMessageConverter());
                    converters.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build());
        return client;
    }

    /** The verified ID token says who signed in; a user-info call would add a failure mode and nothing we use. */
    private static OidcUserService idTokenOnly() {
        OidcUserService service = new OidcUserService();
        service.setRetrieveUserInfo(request -> false);
        return service;
    }
}
