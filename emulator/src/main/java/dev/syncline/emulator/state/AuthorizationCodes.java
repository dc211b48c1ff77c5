package dev.syncline.emulator.state;

import dev.syncline.emulator.EmulatedUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Codes issued and not yet redeemed. Redeeming removes the code, which makes it single-use. */
public final class AuthorizationCodes {

    /** Google documents ten minutes; Microsoft's codes live about as long. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private final ConcurrentMap<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    private final TokenFactory tokens;
    private final Clock clock;

    public AuthorizationCodes(TokenFactory tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public AuthorizationCode issue(String clientId, String redirectUri, EmulatedUser user, String scope,
                                   String codeChallenge, boolean issueRefreshToken, String nonce) {
        Instant now = clock.instant();
        // Abandoned codes would otherwise pile up in a long-running demo.
        codes.values().removeIf(code -> code.isExpiredAt(now));
        AuthorizationCode code = new AuthorizationCode(tokens.authorizationCode(), clientId, redirectUri, user, scope,
                codeChallenge, issueRefreshToken, nonce, now.plus(LIFETIME));
        codes.put(code.value(), code);
        return code;
    }

    /**
     * Takes the code out of circulation, whatever the outcome of the exchange: a code that was
     * presented once with a wrong verifier or redirect URI is not accepted a second time.
     */
    public Optional<AuthorizationCode> redeem(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(codes.remove(value));
    }

    public void clear() {
        codes.clear();
    }
}
