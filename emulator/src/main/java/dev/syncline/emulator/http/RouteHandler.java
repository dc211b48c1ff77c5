package dev.syncline.emulator.http;

/** Answers the requests of one route. */
@FunctionalInterface
public interface RouteHandler {

    Response handle(Request request) throws Exception;
}
