package dev.syncline.api.security;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The API's security: stateless, bearer access tokens only (so no CSRF, no cookies, no sessions, no
 * form or basic login). Public: registration, login, health and the error page; every other
 * {@code /api/**} call needs a token, {@code /api/v1/admin/**} the role ADMIN, other actuator
 * endpoints too. Outside {@code /api} only reads are allowed without a token (the web console's
 * static files, browser redirects); anything else there is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JwtService jwtService, ActiveSessions activeSessions,
                                               @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        ProblemSecurityHandler problems = new ProblemSecurityHandler(resolver);
        http
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
                .addFilterBefore(new BearerTokenAuthenticationFilter(jwtService, activeSessions, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole(CurrentUser.ROLE_ADMIN)
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/actuator/**").hasRole(CurrentUser.ROLE_ADMIN)
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .anyRequest().denyAll());
        return http.build();
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
