package dev.syncline.emulator.control;

import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatedUser;
import dev.syncline.emulator.fault.Fault;
import dev.syncline.emulator.fault.FaultEndpoint;
import dev.syncline.emulator.fault.FaultKind;
import dev.syncline.emulator.mailbox.CalendarControl;
import dev.syncline.emulator.mailbox.GeneratedMailbox;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.emulator.mailbox.MailboxSpec;
import dev.syncline.emulator.mailbox.MailControl;
import dev.syncline.emulator.oidc.IdTokenFault;
import dev.syncline.emulator.state.CounterSnapshot;
import dev.syncline.emulator.state.EmulatorState;
import dev.syncline.emulator.state.Grant;
import dev.syncline.emulator.state.ProviderSettings;
import dev.syncline.emulator.state.ProviderState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The control API for tests and demos: the same operations as {@code /_emulator/…}, as plain
 * Java calls on a running server's state. All methods are thread-safe.
 */
public final class EmulatorControl {

    /** Operator actions are rare and explain what a demo or test sees next, so they log at INFO. */
    private static final Logger log = LoggerFactory.getLogger(EmulatorControl.class);

    private final EmulatorState state;

    public EmulatorControl(EmulatorState state) {
        this.state = state;
    }

    /** Adds a user; if the email is taken, the existing user is kept and returned. */
    public EmulatedUser addUser(EmulatedProvider provider, String email, String name) {
        return provider(provider).users().add(EmulatedUser.of(email, name));
    }

    public List<EmulatedUser> users(EmulatedProvider provider) {
        return provider(provider).users().all();
    }

    /**
     * Revokes every grant of the user, as if they removed the app's access: refresh tokens answer
     * {@code invalid_grant}, access tokens 401. Answers how many grants were live.
     *
     * @throws NoSuchElementException if the provider has no such user
     */
    public int revokeGrants(EmulatedProvider provider, String email) {
        int revoked = provider(provider).grants().revokeGrantsOf(knownUser(provider, email).email());
        log.info("Revoked {} grant(s) of {} user {}", revoked, provider.pathName(), email);
        return revoked;
    }

    /** Expires the user's access tokens now (refresh tokens stay valid); answers how many were live. */
    public int expireAccessTokens(EmulatedProvider provider, String email) {
        int expired = provider(provider).grants().expireAccessTokensOf(knownUser(provider, email).email());
        log.info("Expired {} access token(s) of {} user {}", expired, provider.pathName(), email);
        return expired;
    }

    public ProviderSettings settings(EmulatedProvider provider) {
        return provider(provider).settings();
    }

    /** Applies to access tokens issued from now on. */
    public ProviderSettings setAccessTokenLifetime(EmulatedProvider provider, Duration lifetime) {
        return provider(provider).updateSettings(settings -> settings.withAccessTokenLifetime(lifetime));
    }

    /** Off shows the consent page (Allow/Deny) instead of redirecting at once. */
    public ProviderSettings setAutoConsent(EmulatedProvider provider, boolean enabled) {
        return provider(provider).updateSettings(settings -> settings.withAutoConsent(enabled));
    }

    public void injectFault(EmulatedProvider provider, Fault fault) {
        provider(provider).faults().add(fault);
        log.info("Queued fault {} x{} for {} {}", fault.kind().wireName(), fault.times(), provider.pathName(),
                fault.endpoint().wireName());
    }

    /** Shorthand for the common case: {@code times} occurrences, no delay, no Retry-After. */
    public void injectFault(EmulatedProvider provider, FaultEndpoint endpoint, FaultKind kind, int times) {
        injectFault(provider, Fault.of(endpoint, kind).times(times));
    }

    public List<Fault> pendingFaults(EmulatedProvider provider) {
        return provider(provider).faults().pending();
    }

    public void clearFaults(EmulatedProvider provider) {
        provider(provider).faults().clear();
    }

    /**
     * Spoils the next {@code times} ID tokens the provider issues (from a code or a refresh), each in the
     * way {@link IdTokenFault} describes; later ones are well-formed again.
     */
    public void injectIdTokenFault(EmulatedProvider provider, IdTokenFault fault, int times) {
        provider(provider).idTokenFaults().add(fault, times);
        log.info("Queued ID token fault {} x{} for {}", fault.wireName(), times, provider.pathName());
    }

    /** The ID token faults still queued, one entry per ID token they will spoil, oldest first. */
    public List<IdTokenFault> pendingIdTokenFaults(EmulatedProvider provider) {
        return provider(provider).idTokenFaults().pending();
    }

    public void clearIdTokenFaults(EmulatedProvider provider) {
        provider(provider).idTokenFaults().clear();
    }

    public CounterSnapshot counters(EmulatedProvider provider) {
        return provider(provider).counters().snapshot();
    }

    /** Token endpoint calls with this {@code grant_type}, e.g. {@code "refresh_token"}. */
    public long tokenCalls(EmulatedProvider provider, String grantType) {
        return counters(provider).tokenCalls(grantType);
    }

    public long authorizeCalls(EmulatedProvider provider) {
        return counters(provider).authorizeCalls();
    }

    public long revokeCalls(EmulatedProvider provider) {
        return counters(provider).revokeCalls();
    }

    public long userInfoCalls(EmulatedProvider provider) {
        return counters(provider).userInfoCalls();
    }

    public int maxConcurrentTokenCalls(EmulatedProvider provider) {
        return counters(provider).maxConcurrentTokenCalls();
    }

    /** Authorization codes exchanged for tokens: a code replayed to the token endpoint is refused and not counted. */
    public long codesRedeemed(EmulatedProvider provider) {
        return counters(provider).codesRedeemed();
    }

    public long idTokensIssued(EmulatedProvider provider) {
        return counters(provider).idTokensIssued();
    }

    public void resetCounters(EmulatedProvider provider) {
        provider(provider).counters().reset();
    }

    /**
     * Issues an access token for the user directly, skipping the authorization-code flow: for tests of
     * the mail and calendar APIs that need a bearer token and nothing else. Answers the token.
     *
     * @throws NoSuchElementException if the provider has no such user
     */
    public String issueAccessToken(EmulatedProvider provider, String email, Duration lifetime) {
        ProviderState state = provider(provider);
        Grant grant = state.grants().grantFor(knownUser(provider, email), state.config().clientId(), "mail calendar");
        return state.grants().issueAccessToken(grant, lifetime).value();
    }

    /** The provider's mail: seed, change, expire cursors, snapshot, throttle. */
    public MailControl mail(EmulatedProvider provider) {
        return provider == EmulatedProvider.GOOGLE ? state.gmail() : state.graph().mail();
    }

    /** The provider's primary calendar: seed, change, expire cursors, snapshot, throttle. */
    public CalendarControl calendar(EmulatedProvider provider) {
        return provider == EmulatedProvider.GOOGLE ? state.googleCalendar() : state.graph().calendar();
    }

    /**
     * Gives every user of both providers a generated demo mailbox and calendar ({@link MailboxSpec#demo}),
     * so that a newcomer who connects an account has something to watch sync.
     */
    public void seedDemoMailboxes(Instant now) {
        for (EmulatedProvider provider : EmulatedProvider.values()) {
            for (EmulatedUser user : users(provider)) {
                MailboxSpec spec = MailboxSpec.demo(now);
                GeneratedMailbox mailbox = MailboxGenerator.generate(
                        new MailboxSpec(spec.seed() + user.email().hashCode(), spec.messages(), spec.folders(),
                                spec.calendarItems(), now), user.email());
                mail(provider).seed(user.email(), mailbox);
                calendar(provider).seed(user.email(), mailbox.calendarItems());
            }
        }
        log.info("Seeded demo mailboxes and calendars for the emulator's users");
    }

    /** Back to start-up: configured users and settings; no grants, tokens, codes, faults or counts; the same keys. */
    public void reset() {
        state.reset();
        log.info("Emulator reset to its start-up state");
    }

    private ProviderState provider(EmulatedProvider provider) {
        return state.provider(provider);
    }

    private EmulatedUser knownUser(EmulatedProvider provider, String email) {
        return provider(provider).users().find(email).orElseThrow(() ->
                new NoSuchElementException("No " + provider.pathName() + " user " + email));
    }
}
