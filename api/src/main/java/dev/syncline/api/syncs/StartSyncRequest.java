package dev.syncline.api.syncs;

/** The body of {@code POST /api/v1/accounts/{id}/syncs}: {@code channel} mail or calendar, {@code mode} auto (default) or full. */
public record StartSyncRequest(String channel, String mode) {
}
