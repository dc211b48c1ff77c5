package dev.syncline.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatedUser;
import dev.syncline.emulator.fault.Fault;
import dev.syncline.emulator.fault.FaultEndpoint;
import dev.syncline.emulator.fault.FaultKind;
import dev.syncline.emulator.http.ProblemException;
import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.http.RouteModule;
import dev.syncline.emulator.http.Router;
import dev.syncline.emulator.oidc.IdTokenFault;
import dev.syncline.emulator.state.CounterSnapshot;
import dev.syncline.emulator.state.ProviderSettings;
import dev.syncline.emulator.state.UserIds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * The control API over HTTP under {@code /_emulator/}: a thin JSON mapping onto
 * {@link EmulatorControl}. Every state change is a POST, PUT or DELETE; errors are problem details.
 */
public final class ControlRoutes implements RouteModule {

    private static final String PREFIX = "/_emulator";

    private final EmulatorControl control;

    public ControlRoutes(EmulatorControl control) {
        this.control = control;
    }

    @Override
    public void register(Router router) {
        router.get(PREFIX + "/health", request -> Response.json(200, Map.of("status", "UP")))
                .post(PREFIX + "/reset", this::reset)
                .get(PREFIX + "/{provider}/users", this::listUsers)
                .post(PREFIX + "/{provider}/users", this::addUser)
                .post(PREFIX + "/{provider}/users/{email}/revoke", this::revokeGrants)
                .post(PREFIX + "/{provider}/users/{email}/expire-access-tokens", this::expireAccessTokens)
                .get(PREFIX + "/{provider}/settings", this::settings)
                .put(PREFIX + "/{provider}/settings", this::updateSettings)
                .get(PREFIX + "/{provider}/faults", this::pendingFaults)
                .post(PREFIX + "/{provider}/faults", this::injectFault)
                .delete(PREFIX + "/{provider}/faults", this::clearFaults)
                .get(PREFIX + "/{provider}/id-token-faults", this::pendingIdTokenFaults)
                .post(PREFIX + "/{provider}/id-token-faults", this::injectIdTokenFault)
                .delete(PREFIX + "/{provider}/id-token-faults", this::clearIdTokenFaults)
                .get(PREFIX + "/{provider}/counters", this::counters)
                .post(PREFIX + "/{provider}/counters/reset", this::resetCounters);
    }

    private Response reset(Request request) {
        control.reset();
        return Response.noContent();
    }

    private Response listUsers(Request request) {
        EmulatedProvider provider = provider(request);
        return Response.json(200, control.users(provider).stream().map(user -> userJson(provider, user)).toList());
    }

    private Response addUser(Request request) {
        EmulatedProvider provider = provider(request);
        JsonNode body = request.json();
        String email = requiredText(body, "email");
        boolean known = control.users(provider).stream().anyMatch(user -> user.email().equalsIgnoreCase(email.trim()));
        EmulatedUser user;
        try {
            user = control.addUser(provider, email, body.path("name").asText(null));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Invalid user", e.getMessage());
        }
        return Response.json(known ? 200 : 201, userJson(provider, user));
    }

    private Response revokeGrants(Request request) {
        EmulatedProvider provider = provider(request);
        int revoked = forKnownUser(() -> control.revokeGrants(provider, request.pathVariable("email")));
        return Response.json(200, Map.of("revokedGrants", revoked));
    }

    private Response expireAccessTokens(Request request) {
        EmulatedProvider provider = provider(request);
        int expired = forKnownUser(() -> control.expireAccessTokens(provider, request.pathVariable("email")));
        return Response.json(200, Map.of("expiredAccessTokens", expired));
    }

    private Response settings(Request request) {
        return Response.json(200, settingsJson(control.settings(provider(request))));
    }

    private Response updateSettings(Request request) {
        EmulatedProvider provider = provider(request);
        JsonNode body = request.json();
        JsonNode lifetime = body.path("accessTokenLifetimeSeconds");
        if (!lifetime.isMissingNode() && !lifetime.isNull()) {
            if (!lifetime.canConvertToLong() || lifetime.asLong() < 1) {
                throw new ProblemException(400, "Invalid settings", "accessTokenLifetimeSeconds must be a positive number");
            }
            control.setAccessTokenLifetime(provider, Duration.ofSeconds(lifetime.asLong()));
        }
        JsonNode autoConsent = body.path("autoConsent");
        if (autoConsent.isBoolean()) {
            control.setAutoConsent(provider, autoConsent.asBoolean());
        }
        return Response.json(200, settingsJson(control.settings(provider)));
    }

    private Response pendingFaults(Request request) {
        return Response.json(200, control.pendingFaults(provider(request)).stream().map(ControlRoutes::faultJson).toList());
    }

    private Response injectFault(Request request) {
        EmulatedProvider provider = provider(request);
        Fault fault = parseFault(request.json());
        control.injectFault(provider, fault);
        return Response.json(201, faultJson(fault));
    }

    private Response clearFaults(Request request) {
        control.clearFaults(provider(request));
        return Response.noContent();
    }

    /** Consecutive ID tokens spoiled the same way are one entry with their count, as they were queued. */
    private Response pendingIdTokenFaults(Request request) {
        List<Map<String, Object>> runs = new ArrayList<>();
        IdTokenFault previous = null;
        for (IdTokenFault fault : control.pendingIdTokenFaults(provider(request))) {
            if (fault == previous) {
                Map<String, Object> last = runs.get(runs.size() - 1);
                last.put("times", (Integer) last.get("times") + 1);
            } else {
                runs.add(idTokenFaultJson(fault, 1));
            }
            previous = fault;
        }
        return Response.json(200, runs);
    }

    private Response injectIdTokenFault(Request request) {
        EmulatedProvider provider = provider(request);
        JsonNode body = request.json();
        IdTokenFault fault = IdTokenFault.fromWireName(requiredText(body, "kind")).orElseThrow(() ->
                new ProblemException(400, "Invalid ID token fault", "kind must be one of " + Arrays.stream(
                        IdTokenFault.values()).map(IdTokenFault::wireName).toList()));
        int times = body.path("times").asInt(1);
        if (times < 1) {
            throw new ProblemException(400, "Invalid ID token fault", "times must be at least 1");
        }
        control.injectIdTokenFault(provider, fault, times);
        return Response.json(201, idTokenFaultJson(fault, times));
    }

    private Response clearIdTokenFaults(Request request) {
        control.clearIdTokenFaults(provider(request));
        return Response.noContent();
    }

    private Response counters(Request request) {
        CounterSnapshot counters = control.counters(provider(request));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tokenCalls", new TreeMap<>(counters.tokenCallsByGrantType()));
        body.put("authorizeCalls", counters.authorizeCalls());
        body.put("revokeCalls", counters.revokeCalls());
        body.put("userInfoCalls", counters.userInfoCalls());
        body.put("maxConcurrentTokenCalls", counters.maxConcurrentTokenCalls());
        body.put("codesRedeemed", counters.codesRedeemed());
        body.put("idTokensIssued", counters.idTokensIssued());
        return Response.json(200, body);
    }

    private Response resetCounters(Request request) {
        control.resetCounters(provider(request));
        return Response.noContent();
    }

    private static Fault parseFault(JsonNode body) {
        FaultEndpoint endpoint = FaultEndpoint.fromWireName(requiredText(body, "endpoint")).orElseThrow(() ->
                new ProblemException(400, "Invalid fault", "endpoint must be one of token, revoke, userinfo"));
        FaultKind kind = FaultKind.fromWireName(requiredText(body, "kind")).orElseThrow(() ->
                new ProblemException(400, "Invalid fault", "kind must be one of http_500, http_503, "
                        + "temporarily_unavailable, invalid_grant, interaction_required, invalid_client, slow"));
        try {
            Fault fault = Fault.of(endpoint, kind).times(body.path("times").asInt(1));
            if (body.hasNonNull("delayMillis")) {
                fault = fault.delayedBy(Duration.ofMillis(body.get("delayMillis").asLong()));
            }
            if (body.hasNonNull("retryAfterSeconds")) {
                fault = fault.withRetryAfter(Duration.ofSeconds(body.get("retryAfterSeconds").asLong()));
            }
            return fault;
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Invalid fault", e.getMessage());
        }
    }

    private static Map<String, Object> faultJson(Fault fault) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("endpoint", fault.endpoint().wireName());
        json.put("kind", fault.kind().wireName());
        json.put("times", fault.times());
        json.put("delayMillis", fault.delay().toMillis());
        fault.retryAfter().ifPresent(wait -> json.put("retryAfterSeconds", wait.toSeconds()));
        return json;
    }

    private static Map<String, Object> idTokenFaultJson(IdTokenFault fault, int times) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", fault.wireName());
        json.put("times", times);
        return json;
    }

    private static Map<String, Object> userJson(EmulatedProvider provider, EmulatedUser user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", provider == EmulatedProvider.GOOGLE
                ? UserIds.googleSubject(user.email()) : UserIds.microsoftObjectId(user.email()));
        json.put("email", user.email());
        json.put("name", user.name());
        return json;
    }

    private static Map<String, Object> settingsJson(ProviderSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accessTokenLifetimeSeconds", settings.accessTokenLifetime().toSeconds());
        json.put("autoConsent", settings.autoConsent());
        return json;
    }

    private static EmulatedProvider provider(Request request) {
        String name = request.pathVariable("provider");
        return EmulatedProvider.fromPathName(name).orElseThrow(() ->
                new ProblemException(404, "Unknown provider", "No emulated provider '" + name + "'; use one of "
                        + Arrays.stream(EmulatedProvider.values()).map(EmulatedProvider::pathName).toList()));
    }

    private static String requiredText(JsonNode body, String field) {
        return Optional.ofNullable(body.get(field)).filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(text -> !text.isBlank())
                .orElseThrow(() -> new ProblemException(400, "Missing field", "'" + field + "' is required"));
    }

    private static int forKnownUser(IntSupplier action) {
        try {
            return action.getAsInt();
        } catch (NoSuchElementException e) {
            throw new ProblemException(404, "Unknown user", e.getMessage());
        }
    }
}
