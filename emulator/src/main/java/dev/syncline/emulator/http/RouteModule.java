package dev.syncline.emulator.http;

/**
 * A group of routes that belong together (Google OAuth, Microsoft OAuth, the control API, and
 * later Gmail, Calendar, Graph). The server asks each module to add its routes to one router.
 */
@FunctionalInterface
public interface RouteModule {

    void register(Router router);
}
