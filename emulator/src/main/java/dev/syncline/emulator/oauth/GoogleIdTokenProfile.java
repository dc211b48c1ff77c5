package dev.syncline.emulator.oauth;

import dev.syncline.emulator.EmulatedUser;
import dev.syncline.emulator.state.UserIds;

import java.util.LinkedHashMap;
import java.util.Map;

/** Google's ID tokens: one issuer for everyone (the emulator's base URL stands in for accounts.google.com). */
final class GoogleIdTokenProfile implements IdTokenProfile {

    /** A reserved top-level domain (RFC 2606), so this issuer can never be anyone's. */
    static final String FOREIGN_ISSUER = "https://accounts.issuer.invalid";

    private final String issuer;

    GoogleIdTokenProfile(String issuer) {
        this.issuer = issuer;
    }

    @Override
    public String issuer(EmulatedUser user) {
        return issuer;
    }

    @Override
    public String foreignIssuer(EmulatedUser user) {
        return FOREIGN_ISSUER;
    }

    @Override
    public Map<String, Object> userClaims(EmulatedUser user) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", UserIds.googleSubject(user.email()));
        claims.put("email", user.email());
        claims.put("email_verified", true);
        claims.put("name", user.name());
        return claims;
    }
}
