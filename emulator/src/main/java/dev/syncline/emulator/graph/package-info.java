/**
 * The emulated Microsoft Graph v1.0 mail and calendar API, on the paths of graph.microsoft.com:
 * <pre>
 * GET  /v1.0/me/mailFolders                                   $top, $skip, @odata.nextLink
 * GET  /v1.0/me/mailFolders/{id}                              id or well-known name (inbox, sentitems, archive)
 * GET  /v1.0/me/mailFolders/{id}/messages/delta()             also without (); $select; $skiptoken, $deltatoken
 * GET  /v1.0/me/messages/{id}/attachments                     metadata only
 * GET  /v1.0/me/calendar/events/delta()                       also /me/calendarView/delta; whole calendar
 * POST /v1.0/$batch                                           at most 20 steps, at most 4 running at once
 * </pre>
 * honouring {@code Prefer: odata.maxpagesize}, {@code IdType="ImmutableId"},
 * {@code outlook.body-content-type="text"} and {@code outlook.timezone}; per-mailbox throttling, faults and
 * latency; and the control API under {@code /_emulator/microsoft/} (see {@code GraphControlRoutes}).
 * {@link dev.syncline.emulator.graph.GraphEmulator} wires it into the server.
 */
package dev.syncline.emulator.graph;
