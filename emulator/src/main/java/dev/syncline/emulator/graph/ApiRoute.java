package dev.syncline.emulator.graph;

import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.http.RouteHandler;

import java.time.Clock;

/**
 * A Graph API route: its path below {@code /v1.0} and its handler. As a {@link RouteHandler} it serves a
 * stand-alone request through the pipeline; {@link BatchEndpoint} finds it by path and serves a step with
 * its batch's arrival time.
 */
record ApiRoute(String pattern, ApiHandler handler, GraphCallPipeline pipeline, Clock clock) implements RouteHandler {

    @Override
    public Response handle(Request request) {
        return pipeline.serve(request, handler, clock.instant());
    }
}
