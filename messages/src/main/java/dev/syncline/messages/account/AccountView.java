package dev.syncline.messages.account;

import java.time.Instant;
import java.util.Set;

/** A connected account as its owner sees it. Never holds a token. */
public record AccountView(
        String id,
        Provider provider,
        String email,
        Set<String> scopes,
        AccountStatus status,
        Instant accessTokenExpiresAt,
        Instant lastRefreshedAt,
        String lastError,
        Instant connectedAt,
        Instant updatedAt) {
}
