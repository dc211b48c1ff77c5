package dev.syncline.emulator.oauth;

import dev.syncline.emulator.fault.FaultEndpoint;
import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.state.ProviderState;

import java.util.Map;
import java.util.Optional;

/**
 * Google's revocation endpoint. Revoking either token of a grant kills the whole grant. An
 * unknown or already dead token still answers 200 (RFC 7009), so revocation is idempotent.
 */
final class RevokeEndpoint {

    private final ProviderState state;
    private final FaultGate faults;

    RevokeEndpoint(ProviderState state, OAuthDialect dialect) {
        this.state = state;
        this.faults = new FaultGate(state.faults(), dialect);
    }

    Response handle(Request request) throws InterruptedException {
        state.counters().revokeCalled();
        Optional<Response> injected = faults.apply(FaultEndpoint.REVOKE);
        if (injected.isPresent()) {
            return injected.get();
        }
        // Google also takes the token from the query string of the POST.
        String token = Optional.ofNullable(request.form().get("token")).orElse(request.query().get("token"));
        if (token == null || token.isBlank()) {
            return Response.json(400, Map.of("error", "invalid_request", "error_description", "Bad Request"));
        }
        state.grants().revokeByToken(token);
        return Response.json(200, Map.of());
    }
}
