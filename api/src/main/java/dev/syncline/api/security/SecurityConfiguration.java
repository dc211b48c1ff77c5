package dev.syncline.api.security;

import dev.syncline.api.login.OidcLogin;
import dev.syncline.api.ratelimit.RateLimitBuckets;
import dev.syncline.api.ratelimit.RateLimitFilter;
import dev.syncline.api.ratelimit.RateLimitedEndpoints;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.DefaultLoginPageConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The API's security: stateless, bearer access tokens only (so no CSRF, no sessions, no form or basic
 * login). Public: registration, login by password, refresh, the OpenID Connect login ({@link OidcLogin}:
 * its start, its callback and the login-code exchange; its one cookie only binds a login to its browser),
 * health, the Prometheus scrape ({@code /actuator/prometheus}: a scraper has no user token, and its meters carry
 * no secret, no user or account id, only bounded tags such as provider, outcome and processing group; an operator
 * who would rather not publish the counts sets {@code MANAGEMENT_SERVER_PORT} to serve actuator on an internal
 * port) and the error page; every other {@code /api/**} call needs a token, {@code /api/v1/admin/**} the
 * role ADMIN, other actuator endpoints too. Outside {@code /api} only reads are allowed without a token
 * (the web console's static files, browser redirects); anything else there is denied.
 *
 * <p>In front of all that: CORS for the configured frontends only ({@link FrontendCors}), security
 * headers on every response, errors included, and the rate limits of the authentication endpoints,
 * counted before any token is looked at.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
public class SecurityConfiguration {

    /** Features a JSON API never uses, denied to any page that would embed or open it. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
            + "fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
            + "publickey-credentials-get=(), screen-wake-lock=(), usb=(), xr-spatial-tracking=()";
    /** Nothing is loaded or framed from an answer of this API; its OAuth steps are redirects. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final Duration HSTS_MAX_AGE = Duration.ofDays(365);

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JwtService jwtService, ActiveSessions activeSessions,
                                               SecurityProperties properties, RateLimitedEndpoints rateLimitedEndpoints,
                                               RateLimitBuckets rateLimitBuckets, OidcLogin oidcLogin,
                                               @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        ProblemSecurityHandler problems = new ProblemSecurityHandler(resolver);
        http
                .cors(cors -> cors.configurationSource(FrontendCors.forOrigins(properties.frontendOrigins())))
                .headers(SecurityConfiguration::securityHeaders)
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .rememberMe(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .addFilterBefore(new BearerTokenAuthenticationFilter(jwtService, activeSessions, problems),
                        AnonymousAuthenticationFilter.class)
                .oauth2Login(oidcLogin)
                // Ahead of the OIDC login's filters, which answer its start and callback themselves (and so
                // also ahead of the bearer token filter, which comes after them).
                .addFilterBefore(new RateLimitFilter(rateLimitedEndpoints, rateLimitBuckets, resolver),
                        OAuth2AuthorizationRequestRedirectFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/auth/login/*", "/api/v1/auth/callback/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/login-code").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/error").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole(CurrentUser.ROLE_ADMIN)
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/actuator/**").hasRole(CurrentUser.ROLE_ADMIN)
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .anyRequest().denyAll());
        // oauth2Login would otherwise switch on Spring's generated HTML login page at /login.
        http.removeConfigurer(DefaultLoginPageConfigurer.class);
        return http.build();
    }

    /**
     * Written when the response is committed, so errors, 401s and 429s carry them too. Spring Security's
     * defaults stay on beside these: {@code Cache-Control: no-cache, no-store, max-age=0, must-revalidate}
     * on every answer that sets none itself, and HSTS on answers over HTTPS only (behind a TLS-terminating
     * proxy, {@code server.forward-headers-strategy} lets the request count as HTTPS).
     */
    private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE.toSeconds()).includeSubDomains(true))
                .cacheControl(Customizer.withDefaults());
    }

    /**
     * Login is its own endpoint and every other request carries a bearer token, so nothing goes through
     * an {@link AuthenticationManager}. Declaring this one keeps Boot from creating an in-memory user
     * with a generated password.
     */
    @Bean
    AuthenticationManager noUsernamePasswordAuthentication() {
        return authentication -> {
            throw new ProviderNotFoundException("Syncline authenticates requests with bearer access tokens only");
        };
    }

    /** Argon2id with Spring Security's recommended parameters (16 MiB, 2 iterations, parallelism 1). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    JwtSigningKeys jwtSigningKeys(SecurityProperties properties, @Value("${syncline.data-dir:./data}") Path dataDir) {
        return JwtSigningKeysLoader.load(properties.jwt().signingKeys(), properties.jwt().generateDevelopmentKeys(), dataDir);
    }

    /**
     * Token times come from the system clock on purpose: resolving the application's {@code Clock} bean
     * this early would instantiate the Axon wiring that declares it before Axon is ready.
     */
    @Bean
    JwtService jwtService(JwtSigningKeys keys, SecurityProperties properties) {
        SecurityProperties.Jwt jwt = properties.jwt();
        return new JwtService(keys, jwt.issuer(), jwt.audience(), jwt.accessTokenLifetime(), jwt.clockSkew(),
                Clock.systemUTC());
    }
}
