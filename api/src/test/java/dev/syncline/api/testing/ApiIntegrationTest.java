package dev.syncline.api.testing;

import dev.syncline.api.SynclineApplication;
import dev.syncline.testing.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that drive the real application over HTTP: a random port, a fresh database on the
 * real PostgreSQL, the emulator in-process on a random port. The test classes share one application
 * context (Spring caches it), so each test makes its own users and accounts and never counts on a
 * table being empty.
 */
@SpringBootTest(classes = SynclineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiIntegrationTest {

    private static final TestDatabase DATABASE = TestDatabase.create("api");
    /** The one frontend allowed by CORS in the shared context. */
    protected static final String FRONTEND_ORIGIN = "https://app.syncline.test";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("syncline.emulator.port", () -> "0");
        registry.add("syncline.data-dir", () -> "target/test-data");
        // Tests call the scheduled refresher themselves; its own timer would add refreshes they do not count.
        registry.add("syncline.tokens.schedule-poll-interval", () -> "1h");
        // Likewise the sync schedule: sync tests start due syncs themselves (ScheduledSyncStarter), so that
        // the other tests' accounts never sync behind their backs. Mailboxes start empty.
        registry.add("syncline.sync.schedule-poll-interval", () -> "1h");
        registry.add("syncline.emulator.demo-mailboxes", () -> "false");
        // A sync that keeps failing uses up its six attempts in seconds instead of a minute.
        registry.add("syncline.sync.retry.initial-backoff", () -> "200ms");
        registry.add("syncline.sync.retry.max-backoff", () -> "2s");
        // Every test logs in from 127.0.0.1: the per-address limits would throttle the suite. RateLimitApiTest
        // proves the default limits in an application of its own.
        for (String endpoint : new String[] {"register", "login", "refresh", "login-code", "oidc-login", "oidc-callback"}) {
            registry.add("syncline.rate-limits." + endpoint + ".capacity", () -> "100000");
        }
        registry.add("syncline.security.frontend-origins", () -> FRONTEND_ORIGIN);
    }

    protected ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }
}
