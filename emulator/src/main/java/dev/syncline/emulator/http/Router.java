package dev.syncline.emulator.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Maps a method and a path such as {@code /{tenant}/oauth2/v2.0/token} to a handler. Segments in
 * braces capture one decoded path segment. Routes are tried in the order they were added, so a
 * module that needs a literal to win over a variable adds the literal route first.
 */
public final class Router {

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    public Router get(String pattern, RouteHandler handler) {
        return add("GET", pattern, handler);
    }

    public Router post(String pattern, RouteHandler handler) {
        return add("POST", pattern, handler);
    }

    public Router put(String pattern, RouteHandler handler) {
        return add("PUT", pattern, handler);
    }

    public Router delete(String pattern, RouteHandler handler) {
        return add("DELETE", pattern, handler);
    }

    public Router add(String method, String pattern, RouteHandler handler) {
        routes.add(new Route(method, segments(pattern), handler));
        return this;
    }

    /** Finds the handler for a request, or tells which methods the path would accept. */
    public Resolution resolve(String method, List<String> pathSegments) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> variables = route.match(pathSegments);
            if (variables.isEmpty()) {
                continue;
            }
            if (route.method.equals(method)) {
                return new Resolution(route.handler, variables.get(), Set.of());
            }
            allowed.add(route.method);
        }
        return new Resolution(null, Map.of(), allowed);
    }

    /** Splits a raw path into decoded segments; "%2F" inside a segment stays inside it. */
    public static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(FormData.decode(segment.replace("+", "%2B")));
            }
        }
        return segments;
    }

    /**
     * The outcome of routing: a handler with its path variables, or none and the methods the path
     * accepts (empty means 404, otherwise 405).
     */
    public record Resolution(RouteHandler handler, Map<String, String> variables, Set<String> allowedMethods) {

        public boolean found() {
            return handler != null;
        }
    }

    private record Route(String method, List<String> pattern, RouteHandler handler) {

        Optional<Map<String, String>> match(List<String> path) {
            if (path.size() != pattern.size()) {
                return Optional.empty();
            }
            Map<String, String> variables = new HashMap<>();
            for (int i = 0; i < pattern.size(); i++) {
                String expected = pattern.get(i);
                if (expected.startsWith("{") && expected.endsWith("}")) {
                    variables.put(expected.substring(1, expected.length() - 1), path.get(i));
                } else if (!expected.equals(path.get(i))) {
                    return Optional.empty();
                }
            }
            return Optional.of(variables);
        }
    }
}
