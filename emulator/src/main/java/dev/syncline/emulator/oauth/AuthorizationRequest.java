package dev.syncline.emulator.oauth;

import java.util.LinkedHashMap;
import java.util.Map;

/** The parameters of an authorization request (query of the GET, or fields of the consent form). */
public record AuthorizationRequest(
        String clientId,
        String redirectUri,
        String responseType,
        String scope,
        String state,
        String codeChallenge,
        String codeChallengeMethod,
        String accessType,
        String prompt,
        String loginHint,
        String nonce) {

    public static AuthorizationRequest from(Map<String, String> params) {
        return new AuthorizationRequest(params.get("client_id"), params.get("redirect_uri"),
                params.get("response_type"), params.get("scope"), params.get("state"), params.get("code_challenge"),
                params.get("code_challenge_method"), params.get("access_type"), params.get("prompt"),
                params.get("login_hint"), params.get("nonce"));
    }

    /** The parameters again, for the hidden fields of the consent form. */
    public Map<String, String> asParameters() {
        Map<String, String> params = new LinkedHashMap<>();
        putIfPresent(params, "client_id", clientId);
        putIfPresent(params, "redirect_uri", redirectUri);
        putIfPresent(params, "response_type", responseType);
        putIfPresent(params, "scope", scope);
        putIfPresent(params, "state", state);
        putIfPresent(params, "code_challenge", codeChallenge);
        putIfPresent(params, "code_challenge_method", codeChallengeMethod);
        putIfPresent(params, "access_type", accessType);
        putIfPresent(params, "prompt", prompt);
        putIfPresent(params, "nonce", nonce);
        return params;
    }

    private static void putIfPresent(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }
}
