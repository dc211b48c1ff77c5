package dev.syncline.emulator.graph;

import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.oauth.BearerAuthentication;
import dev.syncline.emulator.state.AccessToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What every Graph API call goes through, stand-alone or as a {@code $batch} step: the bearer token names
 * the mailbox (401 otherwise); the mailbox's traffic admits it or answers 429; then the mailbox's latency,
 * a queued fault if any, and the handler.
 */
final class GraphCallPipeline {

    private final BearerAuthentication bearer;
    private final GraphMailboxes mailboxes;
    private final Clock clock;

    GraphCallPipeline(BearerAuthentication bearer, GraphMailboxes mailboxes, Clock clock) {
        this.bearer = bearer;
        this.mailboxes = mailboxes;
        this.clock = clock;
    }

    /** @param sentAt when the call reached the emulator; for a batch step, when its batch did */
    Response serve(Request request, ApiHandler handler, Instant sentAt) {
        Optional<AccessToken> token = bearer.authenticate(request);
        if (token.isEmpty()) {
            return GraphErrors.invalidToken(BearerAuthentication.presentedToken(request).isPresent(), clock.instant());
        }
        GraphMailbox mailbox = mailboxes.of(token.get().grant().user().email());
        MailboxTraffic traffic = mailbox.traffic();
        MailboxTraffic.Admission admission = traffic.admit(sentAt, clock.instant(), mailboxes.throttling());
        if (!admission.admitted()) {
            return GraphErrors.throttled(admission.message(), admission.retryAfter(), clock.instant());
        }
        try {
            pause(mailbox.latency());
            Optional<TransientFaults.Fault> fault = mailbox.faults().take();
            if (fault.isPresent()) {
                if (fault.get().retryAfter() != null) {
                    traffic.toldToWait(clock.instant(), fault.get().retryAfter());
                }
                return GraphErrors.transientFault(fault.get(), clock.instant());
            }
            return handler.handle(new ApiCall(request, mailbox, origin(request),
                    GraphPreferences.parse(request.header("Prefer"))));
        } catch (GraphApiException e) {
            return e.toResponse(clock.instant());
        } catch (InterruptedException e) {
            // Only a server that is shutting down interrupts a call that waits out its latency.
            Thread.currentThread().interrupt();
            return GraphErrors.error(503, "serviceNotAvailable", "The service is shutting down.", clock.instant());
        } finally {
            traffic.finished();
        }
    }

    Optional<AccessToken> authenticate(Request request) {
        return bearer.authenticate(request);
    }

    /** Links in answers point back to the host the client used. */
    private static String origin(Request request) {
        return "http://" + request.header("Host").orElse("127.0.0.1");
    }

    private static void pause(Duration latency) throws InterruptedException {
        if (!latency.isZero()) {
            Thread.sleep(latency.toMillis());
        }
    }
}
