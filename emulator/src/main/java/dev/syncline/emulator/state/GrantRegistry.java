package dev.syncline.emulator.state;

import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatedUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The grants of one provider and every token issued under them. At most one live grant exists per
 * user and client; a new consent after a revocation starts a fresh grant.
 */
public final class GrantRegistry {

    /** Google silently drops the oldest refresh token beyond this many per account and client. */
    public static final int GOOGLE_REFRESH_TOKEN_CAP = 100;

    private final EmulatedProvider provider;
    private final TokenFactory tokens;
    private final Clock clock;
    private final ConcurrentMap<GrantKey, Grant> liveGrants = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    /** Kept after revocation, so a refresh can tell "revoked" from "never issued". */
    private final ConcurrentMap<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();

    public GrantRegistry(EmulatedProvider provider, TokenFactory tokens, Clock clock) {
        this.provider = provider;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The live grant of this user and client, widened by the scopes, or a new one. */
    public Grant grantFor(EmulatedUser user, String clientId, String scope) {
        return liveGrants.compute(new GrantKey(user.email(), clientId), (key, existing) -> {
            if (existing != null && !existing.isRevoked()) {
                existing.widenScope(scope);
                return existing;
            }
            return new Grant(UUID.randomUUID().toString(), user, clientId, scope, clock.instant());
        });
    }

    public AccessToken issueAccessToken(Grant grant, Duration lifetime) {
        Instant now = clock.instant();
        dropExpiredAccessTokens(grant, now);
        AccessToken token = new AccessToken(tokens.accessToken(), grant, now, now.plus(lifetime));
        accessTokens.put(token.value(), token);
        grant.accessTokens().add(token.value());
        return token;
    }

    public RefreshToken issueRefreshToken(Grant grant) {
        RefreshToken token = new RefreshToken(tokens.refreshToken(), grant, clock.instant());
        refreshTokens.put(token.value(), token);
        grant.refreshTokens().addLast(token.value());
        if (provider == EmulatedProvider.GOOGLE) {
            while (grant.refreshTokens().size() > GOOGLE_REFRESH_TOKEN_CAP) {
                String oldest = grant.refreshTokens().pollFirst();
                if (oldest != null) {
                    refreshTokens.remove(oldest);
                }
            }
        }
        return token;
    }

    /** The token if it is known, unexpired and its grant is live. */
    public Optional<AccessToken> validAccessToken(String value) {
        AccessToken token = value == null ? null : accessTokens.get(value);
        return token != null && token.isValidAt(clock.instant()) ? Optional.of(token) : Optional.empty();
    }

    /** The refresh token if it was ever issued (and not capped away); it may belong to a revoked grant. */
    public Optional<RefreshToken> refreshToken(String value) {
        return value == null ? Optional.empty() : Optional.ofNullable(refreshTokens.get(value));
    }

    /** Revokes the grant behind an access or refresh token; false if the token means nothing. */
    public boolean revokeByToken(String value) {
        Optional<Grant> grant = Optional.ofNullable(accessTokens.get(value)).map(AccessToken::grant)
                .or(() -> refreshToken(value).map(RefreshToken::grant));
        return grant.map(this::revoke).orElse(false);
    }

    /** Revokes every live grant of the user; answers how many there were. */
    public int revokeGrantsOf(String email) {
        return (int) grantsOf(email).stream().filter(this::revoke).count();
    }

    /** Expires every live access token of the user now; answers how many were live. */
    public int expireAccessTokensOf(String email) {
        Instant now = clock.instant();
        return (int) grantsOf(email).stream()
                .flatMap(grant -> grant.accessTokens().stream())
                .map(accessTokens::get)
                .filter(token -> token != null && token.expireAt(now))
                .count();
    }

    public boolean hasLiveRefreshToken(String email, String clientId) {
        Grant grant = liveGrants.get(new GrantKey(email, clientId));
        return grant != null && !grant.isRevoked() && !grant.refreshTokens().isEmpty();
    }

    public List<Grant> grantsOf(String email) {
        return liveGrants.values().stream().filter(g -> g.user().email().equals(email)).toList();
    }

    public void clear() {
        liveGrants.clear();
        accessTokens.clear();
        refreshTokens.clear();
    }

    private boolean revoke(Grant grant) {
        if (!grant.markRevoked()) {
            return false;
        }
        liveGrants.remove(new GrantKey(grant.user().email(), grant.clientId()), grant);
        grant.accessTokens().forEach(accessTokens::remove);
        return true;
    }

    /** An expired token answers the same 401 as an unknown one, so it need not be kept. */
    private void dropExpiredAccessTokens(Grant grant, Instant now) {
        grant.accessTokens().removeIf(value -> {
            AccessToken token = accessTokens.get(value);
            if (token == null || !token.isValidAt(now)) {
                accessTokens.remove(value);
                return true;
            }
            return false;
        });
    }

    private record GrantKey(String email, String clientId) {
    }
}
