package dev.syncline.emulator.gmail;

import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.oauth.BearerAuthentication;
import dev.syncline.emulator.state.AccessToken;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Runs one Gmail API call, direct or as a batch part, the way Google's front end does: the bearer
 * token names the mailbox, the quota may refuse the call, an injected fault or latency applies, and
 * only then does the API method run. Every authenticated call is counted on its mailbox.
 */
final class GmailCalls {

    private final BearerAuthentication bearer;
    private final GmailMailboxes mailboxes;
    private final Supplier<GmailThrottling> throttling;
    private final GmailApi api = new GmailApi();

    GmailCalls(BearerAuthentication bearer, GmailMailboxes mailboxes, Supplier<GmailThrottling> throttling) {
        this.bearer = bearer;
        this.mailboxes = mailboxes;
        this.throttling = throttling;
    }

    /** The mailbox the request's token speaks for, if the token is live. */
    Optional<GmailMailbox> mailboxOf(Request request) {
        return bearer.authenticate(request).map(AccessToken::grant).map(grant -> mailboxes.of(grant.user().email()));
    }

    /**
     * @param request   carries the Authorization header (a batch part's own, for a part)
     * @param arrivedAt {@link System#nanoTime()} when the HTTP request arrived; a batch's parts share it
     */
    Response handle(Request request, GmailOperation.Match call, ApiQuery query, long arrivedAt) throws InterruptedException {
        Optional<GmailMailbox> found = mailboxOf(request);
        if (found.isEmpty()) {
            return GoogleErrors.unauthenticated();
        }
        GmailMailbox mailbox = found.get();
        if (!call.userId().equals("me") && !call.userId().equalsIgnoreCase(mailbox.email())) {
            return GoogleErrors.delegationDenied(call.userId());
        }
        MailboxTraffic traffic = mailbox.traffic();
        MailboxTraffic.Admission admission = traffic.admit(call.operation().cost(), arrivedAt, throttling.get());
        try {
            if (admission.throttled()) {
                return GoogleErrors.rateLimited(admission.retryAfterSeconds());
            }
            traffic.pause();
            OptionalInt fault = traffic.nextFault();
            if (fault.isPresent()) {
                return GoogleErrors.serverError(fault.getAsInt());
            }
            if (!mailbox.store().serviceEnabled()) {
                return GoogleErrors.mailServiceNotEnabled();
            }
            return api.execute(mailbox, call, query);
        } finally {
            traffic.finish();
        }
    }
}
