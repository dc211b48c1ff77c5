package dev.syncline.emulator.oauth;

import dev.syncline.emulator.EmulatedUser;
import dev.syncline.emulator.fault.FaultEndpoint;
import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.state.AccessToken;
import dev.syncline.emulator.state.ProviderState;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** A profile endpoint behind a bearer token; the body shape is given per route. */
final class UserInfoEndpoint {

    private final ProviderState state;
    private final OAuthDialect dialect;
    private final FaultGate faults;
    private final BearerAuthentication bearer;
    private final Function<EmulatedUser, Map<String, Object>> profile;

    UserInfoEndpoint(ProviderState state, OAuthDialect dialect, Function<EmulatedUser, Map<String, Object>> profile) {
        this.state = state;
        this.dialect = dialect;
        this.faults = new FaultGate(state.faults(), dialect);
        this.bearer = new BearerAuthentication(state.grants());
        this.profile = profile;
    }

    Response handle(Request request) throws InterruptedException {
        state.counters().userInfoCalled();
        Optional<Response> injected = faults.apply(FaultEndpoint.USERINFO);
        if (injected.isPresent()) {
            return injected.get();
        }
        Optional<AccessToken> token = bearer.authenticate(request);
        if (token.isEmpty()) {
            return dialect.invalidBearerToken(BearerAuthentication.presentedToken(request).orElse(null));
        }
        return Response.json(200, profile.apply(token.get().grant().user()));
    }
}
