package dev.syncline.command.token;

import dev.syncline.messages.account.RefreshTrigger;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Decides whether an account's access token needs refreshing now. */
@Component
public class RefreshPolicy {

    private final TokenSettings settings;

    public RefreshPolicy(TokenSettings settings) {
        this.settings = settings;
    }

    /** True when the token is within the buffer of expiry, or, for the schedule, when the grant has idled too long. */
    public boolean isDue(RefreshTrigger trigger, Instant expiresAt, Instant lastRefreshedAt, Instant now) {
        if (trigger == RefreshTrigger.USER_REQUEST) {
            return true;
        }
        if (isExpiring(expiresAt, now)) {
            return true;
        }
        return trigger == RefreshTrigger.SCHEDULE
                && (lastRefreshedAt == null || !lastRefreshedAt.plus(settings.keepAliveInterval()).isAfter(now));
    }

    public boolean isExpiring(Instant expiresAt, Instant now) {
        return expiresAt == null || !expiresAt.minus(settings.refreshBuffer()).isAfter(now);
    }

    /** When the schedule should next look at an account whose token expires at {@code expiresAt}. */
    public Instant nextRefreshAt(Instant expiresAt, Instant refreshedAt) {
        Instant beforeExpiry = expiresAt.minus(settings.refreshBuffer());
        Instant keepAlive = refreshedAt.plus(settings.keepAliveInterval());
        return beforeExpiry.isBefore(keepAlive) ? beforeExpiry : keepAlive;
    }
}
