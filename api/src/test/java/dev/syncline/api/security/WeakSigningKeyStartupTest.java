package dev.syncline.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.api.ratelimit.RateLimitConfiguration;
import dev.syncline.api.ratelimit.RateLimitProperties;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerExceptionResolver;

/** The security configuration as the application builds it refuses to start on a signing key that is too weak. */
class WeakSigningKeyStartupTest {

    @TempDir
    Path dataDir;

    @Test
    void applicationDoesNotStartWithAnRsaSigningKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair rsa = generator.generateKeyPair();
        String keySet = "{\"active\":\"rsa-1\",\"keys\":{\"rsa-1\":{\"private\":\""
                + Base64.getEncoder().encodeToString(rsa.getPrivate().getEncoded()) + "\",\"public\":\""
                + Base64.getEncoder().encodeToString(rsa.getPublic().getEncoded()) + "\"}}}";

        new WebApplicationContextRunner()
                .withUserConfiguration(Properties.class, SecurityConfiguration.class, RateLimitConfiguration.class)
                .withBean("handlerExceptionResolver", HandlerExceptionResolver.class, () -> (request, response, handler, ex) -> null)
                .withPropertyValues("syncline.security.jwt.issuer=https://syncline.test",
                        "syncline.security.jwt.signing-keys=" + keySet,
                        "syncline.security.jwt.generate-development-keys=false",
                        "syncline.data-dir=" + dataDir)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("SYNCLINE_JWT_SIGNING_KEYS is unusable")
                            .hasMessageContaining("'rsa-1' is an RSA key");
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({SecurityProperties.class, RateLimitProperties.class})
    static class Properties {
    }
}
