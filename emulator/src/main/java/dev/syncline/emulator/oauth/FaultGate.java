package dev.syncline.emulator.oauth;

import dev.syncline.emulator.fault.Fault;
import dev.syncline.emulator.fault.FaultEndpoint;
import dev.syncline.emulator.fault.FaultQueue;
import dev.syncline.emulator.http.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Consumes the next queued fault of an endpoint and turns it into that provider's failure. An
 * empty answer means "go on normally" (no fault, or a slow one that has already waited).
 */
final class FaultGate {

    private static final Logger log = LoggerFactory.getLogger(FaultGate.class);

    private final FaultQueue queue;
    private final OAuthDialect dialect;

    FaultGate(FaultQueue queue, OAuthDialect dialect) {
        this.queue = queue;
        this.dialect = dialect;
    }

    Optional<Response> apply(FaultEndpoint endpoint) throws InterruptedException {
        Optional<Fault> next = queue.take(endpoint);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Fault fault = next.get();
        log.debug("Injecting fault {} into {} {}", fault.kind().wireName(), dialect.provider().pathName(),
                endpoint.wireName());
        pause(fault.delay());
        Optional<Response> failure = Optional.ofNullable(failureFor(fault, endpoint));
        return fault.retryAfter()
                .map(wait -> failure.map(response -> response.withHeader("Retry-After",
                        Long.toString(wait.toSeconds()))))
                .orElse(failure);
    }

    private Response failureFor(Fault fault, FaultEndpoint endpoint) {
        boolean bearerEndpoint = endpoint == FaultEndpoint.USERINFO;
        return switch (fault.kind()) {
            case SLOW -> null;
            case HTTP_500 -> dialect.serverError(endpoint, 500);
            case HTTP_503 -> dialect.serverError(endpoint, 503);
            case TEMPORARILY_UNAVAILABLE -> bearerEndpoint
                    ? dialect.serverError(endpoint, 503) : dialect.tokenError(TokenError.TEMPORARILY_UNAVAILABLE, "");
            // A bearer-token endpoint has no grant or client of its own: any auth failure is a 401.
            case INVALID_GRANT -> bearerEndpoint
                    ? dialect.invalidBearerToken("") : dialect.tokenError(TokenError.INVALID_GRANT, "");
            case INTERACTION_REQUIRED -> bearerEndpoint
                    ? dialect.invalidBearerToken("") : dialect.tokenError(TokenError.INTERACTION_REQUIRED, "");
            case INVALID_CLIENT -> bearerEndpoint
                    ? dialect.invalidBearerToken("") : dialect.tokenError(TokenError.WRONG_CLIENT_SECRET, "");
        };
    }

    private static void pause(Duration delay) throws InterruptedException {
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
    }
}
