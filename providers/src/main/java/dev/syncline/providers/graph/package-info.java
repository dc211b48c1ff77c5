/**
 * Outlook mail and calendar through the Microsoft Graph SDK ({@code microsoft-graph} 6.x, without
 * azure-identity).
 *
 * <p>Wiring: one {@link dev.syncline.providers.graph.GraphSettings}, one
 * {@link dev.syncline.providers.graph.GraphMailboxLimiter} shared by
 * {@link dev.syncline.providers.graph.GraphMessageSource} and
 * {@link dev.syncline.providers.graph.GraphCalendarSource}; each call gets its mailbox's access token from
 * {@code MailboxAccess}.
 *
 * <p>Choices, and why:
 * <ul>
 *   <li>The SDK's retry handler is off. It would sleep inside a call while holding the mailbox's permit and
 *       hide long {@code Retry-After} waits; a 429 instead becomes {@code ProviderThrottledException}, and the
 *       limiter keeps every thread away from that mailbox until the wait is over.</li>
 *   <li>A {@code $batch} of n steps takes min(n, 4) permits: Outlook runs up to four steps of a mailbox's
 *       batch at once, and each counts against its four concurrent requests.</li>
 *   <li>Calendar times are asked for in UTC ({@code Prefer: outlook.timezone="UTC"}), so an instant never
 *       depends on understanding a Windows zone name; the common Windows names are still mapped to IANA
 *       for {@code CalendarItem.timeZone} and recurrence end dates.</li>
 *   <li>All {@code Prefer} preferences go in one header line (RFC 7240 allows a comma-separated list).</li>
 *   <li>Batch steps are addressed to {@code /me/...}: the SDK writes {@code /users/TokenToReplace/...} and
 *       rewrites it only in its HTTP pipeline, which batch steps bypass.</li>
 * </ul>
 */
package dev.syncline.providers.graph;
