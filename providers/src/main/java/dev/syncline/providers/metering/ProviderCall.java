package dev.syncline.providers.metering;

/**
 * One HTTP call to a provider, as the transport saw it: no URL, no token, no account, only what is safe to count.
 *
 * @param provider google or microsoft
 * @param api      gmail, calendar, graph, token, revocation or userinfo
 * @param status   the HTTP status; null when no answer came (a timeout, a refused connection)
 */
public record ProviderCall(String provider, String api, Integer status) {

    /** success, throttled (429), client_error, server_error or io_error. */
    public String outcome() {
        if (status == null) {
            return "io_error";
        }
        if (status == 429) {
            return "throttled";
        }
        if (status >= 500) {
            return "server_error";
        }
        if (status >= 400) {
            return "client_error";
        }
        return "success";
    }
}
