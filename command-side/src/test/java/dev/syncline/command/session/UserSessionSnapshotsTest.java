package dev.syncline.command.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.messages.session.LoginMethod;
import dev.syncline.messages.session.RefreshTokenReuseDetectedEvent;
import dev.syncline.messages.session.SessionEndReason;
import dev.syncline.messages.session.SessionRefreshOutcome;
import dev.syncline.messages.session.SessionRefreshResult;
import dev.syncline.messages.session.SessionRevokedEvent;
import dev.syncline.messages.session.SessionStartedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * A session's stream is snapshotted ({@link UserSessionSnapshots}) with the application's Jackson serializer. Its
 * state, every rotated token hash included, must survive that round trip, so that a session restored from a
 * snapshot still recognises the reuse of a token rotated long before.
 */
class UserSessionSnapshotsTest {

    private static final String SESSION = "3b8f0d6e-5a41-4c2e-9f7d-1e6a2b9c4d01";
    private static final String USER = "0d4e8c42-6c55-4f73-a1e5-f35d2a6b9c01";
    private static final String WORKSPACE = "8f0b7a39-4a3f-4bde-9d0e-3f1c5f1d2a10";
    private static final String THIEF = "python-requests/2.32";
    private static final int ROTATIONS = 60;
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofDays(2));

    /** What Axon's Spring Boot starter builds for {@code axon.serializer.general: jackson} (its defaultAxonObjectMapper). */
    private static final Serializer SNAPSHOT_SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .build();

    @Test
    void aLongUsedSessionSurvivesTheSnapshotSerializer() {
        UserSession original = rotatedManyTimes();

        UserSession restored = roundTrip(original);

        assertThat(restored).usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    void aRestoredSessionRecognisesTheReuseOfItsFirstToken() {
        UserSession restored = roundTrip(rotatedManyTimes());

        fixture().givenState(() -> restored)
                .when(UserSessionTest.refresh(hash(0), hash(ROTATIONS + 1), THIEF))
                .expectResultMessagePayload(new SessionRefreshResult(SessionRefreshOutcome.REUSE_DETECTED, USER, WORKSPACE))
                .expectEvents(new RefreshTokenReuseDetectedEvent(SESSION, USER, WORKSPACE, 0, ROTATIONS, THIEF, NOW),
                        new SessionRevokedEvent(SESSION, USER, WORKSPACE, SessionEndReason.REFRESH_TOKEN_REUSED, NOW));
    }

    @Test
    void aRestoredSessionRotatesItsCurrentToken() {
        UserSession restored = roundTrip(rotatedManyTimes());

        fixture().givenState(() -> restored)
                .when(UserSessionTest.refresh(hash(ROTATIONS), hash(ROTATIONS + 1), "app/1.0"))
                .expectResultMessagePayload(new SessionRefreshResult(SessionRefreshOutcome.REFRESHED, USER, WORKSPACE))
                .expectEvents(UserSessionTest.refreshed(ROTATIONS + 1, hash(ROTATIONS + 1), "app/1.0", NOW));
    }

    /** Started with {@code hash(0)} and rotated up to {@code hash(ROTATIONS)}, the last an hour before {@link #NOW}. */
    private static UserSession rotatedManyTimes() {
        List<Object> events = new ArrayList<>();
        events.add(new SessionStartedEvent(SESSION, USER, WORKSPACE, LoginMethod.PASSWORD, "app/1.0", hash(0), T0,
                T0.plus(Duration.ofDays(7)), T0.plus(Duration.ofDays(30))));
        for (int generation = 1; generation <= ROTATIONS; generation++) {
            events.add(UserSessionTest.refreshed(generation, hash(generation), "app/1.0", T0.plus(Duration.ofMinutes(generation))));
        }
        AtomicReference<UserSession> built = new AtomicReference<>();
        new AggregateTestFixture<>(UserSession.class).given(events).whenInvoking(SESSION, built::set);
        return built.get();
    }

    private static UserSession roundTrip(UserSession aggregate) {
        SerializedObject<byte[]> snapshot = SNAPSHOT_SERIALIZER.serialize(aggregate, byte[].class);
        return SNAPSHOT_SERIALIZER.deserialize(snapshot);
    }

    private static String hash(int generation) {
        return "%064x".formatted(generation + 0xABCDEFL);
    }

    private static AggregateTestFixture<UserSession> fixture() {
        AggregateTestFixture<UserSession> fixture = new AggregateTestFixture<>(UserSession.class);
        fixture.registerInjectableResource(new SettableClock(NOW));
        return fixture;
    }
}
