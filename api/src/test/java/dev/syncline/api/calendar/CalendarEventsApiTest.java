package dev.syncline.api.calendar;

import static dev.syncline.api.mail.SyncedContent.calendarPage;
import static dev.syncline.api.mail.SyncedContent.ownerOf;
import static dev.syncline.api.mail.SyncedContent.unconnectedAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.ConnectFlow;
import dev.syncline.api.testing.Users;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.messages.sync.AttendeeResponse;
import dev.syncline.messages.sync.CalendarAttendee;
import dev.syncline.messages.sync.CalendarItem;
import dev.syncline.messages.sync.CalendarItemStatus;
import dev.syncline.messages.sync.EmailAddress;
import dev.syncline.query.calendar.CalendarEventsProjection;
import dev.syncline.query.sequencing.AccountSequencingPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import dev.syncline.api.mail.SyncedContent;
import dev.syncline.command.sync.PageSealer;
import dev.syncline.command.vault.DataKeyStore;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/v1/calendar-events} and {@code GET /api/v1/calendar-events/next-24-hours} over HTTP, on
 * items that arrive as the sync's events through the real event store and the {@code calendar-events}
 * processor.
 */
class CalendarEventsApiTest extends ApiIntegrationTest {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(30);
    private static final Instant DAY = Instant.parse("2026-03-10T00:00:00Z");
    private static final String WINDOW = "from=2026-03-10T09:00:00Z&to=2026-03-10T17:00:00Z";

    @Autowired
    EventGateway events;

    @Autowired
    PageSealer sealer;

    @Autowired
    DataKeyStore dataKeys;

    @Autowired
    EmulatorServer emulator;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theItemsOverlappingTheWindowAreListedByStart() {
        ApiClient user = Users.registerAndLogIn(api(), "calendar-window");
        String account = unconnectedAccount();
        CalendarItem planning = new CalendarItem("planning", "Planning", "Agenda", "Room 4", hour(10), hour(11), "Europe/Berlin",
                false, List.of(), null, new EmailAddress("Olga", "olga@example.com"),
                List.of(new CalendarAttendee("me@example.com", "Me", AttendeeResponse.TENTATIVE)), CalendarItemStatus.CONFIRMED);
        events.publish(calendarPage(sealing(), ownerOf(user), account, List.of(
                item("before", hour(7), hour(8)),
                planning,
                item("straddles-from", hour(8), hour(10)),
                item("after", hour(17), hour(18)),
                new CalendarItem("holiday", "Holiday", null, null, DAY, DAY.plus(Duration.ofDays(1)), "Europe/Berlin", true,
                        List.of(), null, null, List.of(), CalendarItemStatus.CONFIRMED),
                new CalendarItem("weekly", "Weekly", null, null, hour(-24 * 30 + 12), hour(-24 * 30 + 13), "Europe/Berlin", false,
                        List.of("RRULE:FREQ=WEEKLY;BYDAY=TU"), null, null, List.of(), CalendarItemStatus.CONFIRMED),
                new CalendarItem("cancelled", "Cancelled", null, null, hour(14), hour(15), "UTC", false, List.of(), "weekly", null,
                        List.of(), CalendarItemStatus.CANCELLED))));

        JsonNode answer = awaitItems(user, "/api/v1/calendar-events?" + WINDOW, 5);

        assertThat(Instant.parse(answer.path("from").asText())).isEqualTo(hour(9));
        assertThat(Instant.parse(answer.path("to").asText())).isEqualTo(hour(17));
        assertThat(externalIds(answer)).containsExactly("weekly", "holiday", "straddles-from", "planning", "cancelled");
        JsonNode item = answer.path("items").get(3);
        assertThat(item.path("id").asText()).isEqualTo(CalendarEventsProjection.idOf(account, "planning").toString());
        assertThat(item.path("accountId").asText()).isEqualTo(account);
        assertThat(item.path("title").asText()).isEqualTo("Planning");
        assertThat(item.path("description").asText()).isEqualTo("Agenda");
        assertThat(item.path("location").asText()).isEqualTo("Room 4");
        assertThat(Instant.parse(item.path("startsAt").asText())).isEqualTo(hour(10));
        assertThat(Instant.parse(item.path("endsAt").asText())).isEqualTo(hour(11));
        assertThat(item.path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(item.path("allDay").asBoolean()).isFalse();
        assertThat(item.path("organizer").path("address").asText()).isEqualTo("olga@example.com");
        assertThat(item.path("attendees").get(0).path("email").asText()).isEqualTo("me@example.com");
        assertThat(item.path("attendees").get(0).path("response").asText()).isEqualTo("TENTATIVE");
        assertThat(item.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(answer.path("items").get(0).path("recurrence").get(0).asText()).isEqualTo("RRULE:FREQ=WEEKLY;BYDAY=TU");
        assertThat(answer.path("items").get(1).path("allDay").asBoolean()).isTrue();
        assertThat(answer.path("items").get(4).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(answer.path("items").get(4).path("seriesId").asText()).isEqualTo("weekly");
    }

    @Test
    void theNextTwentyFourHoursStartNow() {
        ApiClient user = Users.registerAndLogIn(api(), "calendar-next");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        events.publish(calendarPage(sealing(), ownerOf(user), unconnectedAccount(), List.of(
                item("ended", now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2))),
                item("running", now.minus(Duration.ofMinutes(30)), now.plus(Duration.ofMinutes(30))),
                item("soon", now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(3))),
                item("tomorrow-evening", now.plus(Duration.ofHours(30)), now.plus(Duration.ofHours(31))))));
        awaitItems(user, "/api/v1/calendar-events?from=" + now.minus(Duration.ofDays(1)) + "&to=" + now.plus(Duration.ofDays(2)), 4);

        ApiClient.Response response = user.get("/api/v1/calendar-events/next-24-hours");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(externalIds(answer)).containsExactly("running", "soon");
        Instant from = Instant.parse(answer.path("from").asText());
        assertThat(from).isBetween(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofMinutes(5)));
        assertThat(Instant.parse(answer.path("to").asText())).isEqualTo(from.plus(Duration.ofHours(24)));
    }

    @Test
    void theAccountFilterNeedsOneOfTheCallersOwnAccounts() {
        ApiClient user = Users.registerAndLogIn(api(), "calendar-account");
        ApiClient stranger = Users.registerAndLogIn(api(), "calendar-stranger");
        String connected = connectGoogleAccount(user);
        String other = unconnectedAccount();
        events.publish(calendarPage(sealing(), ownerOf(user), connected, List.of(item("in-connected", hour(10), hour(11)))));
        events.publish(calendarPage(sealing(), ownerOf(user), other, List.of(item("in-other", hour(12), hour(13)))));
        awaitItems(user, "/api/v1/calendar-events?" + WINDOW, 2);

        JsonNode filtered = user.get("/api/v1/calendar-events?" + WINDOW + "&accountId=" + connected).json();
        assertThat(externalIds(filtered)).contains("in-connected").doesNotContain("in-other");
        assertThat(filtered.path("items").findValuesAsText("accountId")).containsOnly(connected);

        assertNotFound(user.get("/api/v1/calendar-events?" + WINDOW + "&accountId=" + other));
        assertNotFound(user.get("/api/v1/calendar-events/next-24-hours?accountId=" + UUID.randomUUID()));
        assertNotFound(stranger.get("/api/v1/calendar-events?" + WINDOW + "&accountId=" + connected));
        assertThat(user.get("/api/v1/calendar-events/next-24-hours?accountId=" + connected).status()).isEqualTo(200);
    }

    @Test
    void anotherUsersItemsAreNotListed() {
        ApiClient owner = Users.registerAndLogIn(api(), "calendar-owner");
        ApiClient stranger = Users.registerAndLogIn(api(), "calendar-other");
        events.publish(calendarPage(sealing(), ownerOf(owner), unconnectedAccount(), List.of(item("private", hour(10), hour(11)))));
        awaitItems(owner, "/api/v1/calendar-events?" + WINDOW, 1);

        assertThat(stranger.get("/api/v1/calendar-events?" + WINDOW).json().path("items")).isEmpty();
    }

    @Test
    void badWindowsAnswer400NamingTheParameter() {
        ApiClient user = Users.registerAndLogIn(api(), "calendar-bad");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("to=2026-03-10T17:00:00Z", "from");
        cases.put("from=2026-03-10T09:00:00Z", "to");
        cases.put("from=tomorrow&to=2026-03-10T17:00:00Z", "from");
        cases.put("from=2026-03-10T09:00:00Z&to=2026-03-10", "to");
        cases.put("from=2026-03-10T09:00:00Z&to=2026-03-10T08:00:00Z", "to");
        cases.put("from=2026-03-10T09:00:00Z&to=2026-03-10T09:00:00Z", "to");
        cases.put("from=2026-01-01T00:00:00Z&to=2027-01-02T00:00:01Z", "to");

        cases.forEach((query, parameter) -> {
            ApiClient.Response response = user.get("/api/v1/calendar-events?" + query);
            assertThat(response.status()).as(query + " -> " + response).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.path("type").asText()).endsWith("/validation-failed");
            assertThat(problem.path("detail").asText()).as(query).contains("'" + parameter + "'");
            assertThat(problem.path("errors").findValuesAsText("field")).as(query).containsExactly(parameter);
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        });

        ApiClient.Response neither = user.get("/api/v1/calendar-events");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("from", "to");
        assertThat(user.get("/api/v1/calendar-events?from=2026-01-01T00:00:00Z&to=2027-01-02T00:00:00Z").status()).isEqualTo(200);
    }

    @Test
    void theCalendarEndpointsNeedAnAccessToken() {
        assertThat(api().get("/api/v1/calendar-events?" + WINDOW).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/calendar-events/next-24-hours").status()).isEqualTo(401);
    }

    @Test
    void theProjectionHandlesEachAccountsEventsInOrder() {
        assertThat(processing.sequencingPolicy(CalendarEventsProjection.PROCESSING_GROUP)).isSameAs(AccountSequencingPolicy.INSTANCE);
    }

    private String connectGoogleAccount(ApiClient user) {
        String email = "calendar-" + UUID.randomUUID().toString().substring(0, 8) + "@gmail.example";
        emulator.control().addUser(EmulatedProvider.GOOGLE, email, "Calendar Test");
        String accountId = ConnectFlow.connect(user, "google", email);
        await().atMost(PROJECTION_WAIT).until(() -> user.get("/api/v1/accounts/" + accountId).status() == 200);
        return accountId;
    }

    private static JsonNode awaitItems(ApiClient user, String path, int count) {
        return await().atMost(PROJECTION_WAIT).until(() -> user.get(path).json(), page -> page.path("items").size() >= count);
    }

    private static List<String> externalIds(JsonNode answer) {
        return answer.path("items").findValuesAsText("externalId");
    }

    private static void assertNotFound(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).endsWith("/not-found");
    }

    private static CalendarItem item(String externalId, Instant startsAt, Instant endsAt) {
        return new CalendarItem(externalId, "Item " + externalId, null, null, startsAt, endsAt, "UTC", false, List.of(), null, null,
                List.of(), CalendarItemStatus.CONFIRMED);
    }

    /** The given hour (UTC) of 10 March 2026; negative hours go back before it. */
    private static Instant hour(int hour) {
        return DAY.plus(Duration.ofHours(hour));
    }

    private SyncedContent.Sealing sealing() {
        return new SyncedContent.Sealing(sealer, dataKeys);
    }
}
