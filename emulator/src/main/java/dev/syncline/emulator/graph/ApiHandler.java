package dev.syncline.emulator.graph;

import dev.syncline.emulator.http.Response;

/** Answers one kind of Graph API call; may throw {@link GraphApiException} to answer with an error. */
@FunctionalInterface
interface ApiHandler {

    Response handle(ApiCall call);
}
