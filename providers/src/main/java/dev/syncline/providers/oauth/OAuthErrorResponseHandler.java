package dev.syncline.providers.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * Turns any error answer of a provider's OAuth endpoint into a {@link TokenEndpointException} that
 * carries the OAuth {@code error} field. Spring Security's own handler only reads the body of a 400, but
 * providers answer {@code invalid_client} with 401 and {@code temporarily_unavailable} with 503.
 */
final class OAuthErrorResponseHandler implements RestClient.ResponseSpec.ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DESCRIPTION = 500;

    @Override
    public void handle(org.springframework.http.HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String error = "http_" + status;
        String description = null;
        JsonNode body = readJson(response.getBody());
        if (body != null && body.path("error").isTextual()) {
            error = body.path("error").asText();
            description = truncate(body.path("error_description").asText(null));
        } else if (body != null && body.path("error").isObject()) {
            // Graph-style {"error":{"code":…,"message":…}}
            error = body.path("error").path("code").asText(error);
            description = truncate(body.path("error").path("message").asText(null));
        }
        throw new TokenEndpointException(error, description, status, retryAfter(response.getHeaders()));
    }

    private static JsonNode readJson(InputStream body) {
        try (body) {
            byte[] bytes = body.readNBytes(16_384);
            return bytes.length == 0 ? null : JSON.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION) + "…";
    }
}
