package dev.syncline.api.login;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

/** The ID token decoders Spring's {@code oauth2Login} picks up (it looks for a bean of this type). */
@Configuration(proxyBeanMethods = false)
public class IdTokenConfiguration {

    /** OpenID Connect leaves the tolerance to the client; a minute covers honest clock drift and no more. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /**
     * The system clock, not the application's {@code Clock} bean: resolving that while the security filter chain
     * is built would start the Axon wiring that declares it too early (as for {@code JwtService}).
     */
    @Bean
    JwtDecoderFactory<ClientRegistration> loginIdTokenDecoders() {
        return new IdTokenDecoders(new IdTokenValidators(CLOCK_SKEW, Clock.systemUTC()));
    }
}
