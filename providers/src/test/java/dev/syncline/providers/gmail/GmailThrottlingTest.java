package dev.syncline.providers.gmail;

import dev.syncline.emulator.gmail.GmailCounters;
import dev.syncline.providers.sync.ProviderThrottledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.syncline.providers.gmail.EmulatedGmail.EMAIL;
import static dev.syncline.providers.gmail.EmulatedGmail.asSnapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class GmailThrottlingTest {

    private static final int GMAIL_QUOTA = 250;

    @RegisterExtension
    final EmulatedGmail gmail = new EmulatedGmail();

    @Test
    void aFullSyncUnderGmailsQuotaCompletesWithoutEverOverrunningIt() {
        gmail.seed(300, 2);
        gmail.emulator().setThrottling(true);
        GmailSettings realQuota = gmail.settings().withUnitsPerSecond(GMAIL_QUOTA);
        SyncDriver driver = new SyncDriver(new GmailMessageSource(realQuota), gmail.access());

        driver.syncHonouringThrottling(null, Duration.ofSeconds(30));

        GmailCounters counters = gmail.emulator().counters(EMAIL);
        assertThat(asSnapshot(driver.copy().values())).isEqualTo(gmail.snapshot());
        assertThat(counters.unitsUsed()).isEqualTo(1 + 5 + 300 * 5);
        assertThat(counters.peakUnitsPerSecond()).isLessThanOrEqualTo(GMAIL_QUOTA);
        assertThat(counters.throttledResponses()).isZero();
        assertThat(counters.requestsDuringRetryAfter()).isZero();
        assertThat(counters.maxConcurrentRequests()).isEqualTo(1);
    }

    @Test
    void afterA429TheMailboxMakesNoCallUntilItsRetryAfterHasPassed() {
        gmail.seed(150, 1);
        gmail.emulator().updateThrottling(t -> t.withEnabled(true).withRetryAfter(Duration.ofSeconds(1)));
        // A client that believes in a far larger quota sends a batch of 100 gets (500 units) at once.
        GmailMessageSource overeager = new GmailMessageSource(gmail.settings().withUnitsPerSecond(2_000).withBatchSize(100));

        assertThatThrownBy(() -> overeager.fetch(gmail.access(), null))
                .isInstanceOfSatisfying(ProviderThrottledException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        long requestsAfter429 = gmail.emulator().counters(EMAIL).requests();
        assertThatThrownBy(() -> overeager.fetch(gmail.access(), null))
                .isInstanceOfSatisfying(ProviderThrottledException.class,
                        e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)));
        assertThat(gmail.emulator().counters(EMAIL).requests()).as("the early retry never reached Gmail").isEqualTo(requestsAfter429);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThatThrownBy(() -> overeager.fetch(gmail.access(), null)).isInstanceOf(ProviderThrottledException.class);
            assertThat(gmail.emulator().counters(EMAIL).requests()).isGreaterThan(requestsAfter429);
        });
        GmailCounters counters = gmail.emulator().counters(EMAIL);
        assertThat(counters.throttledResponses()).isGreaterThanOrEqualTo(2);
        assertThat(counters.requestsDuringRetryAfter()).isZero();
    }
}
