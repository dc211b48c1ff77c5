package dev.syncline.emulator.oauth;

import dev.syncline.emulator.EmulatedUser;

import java.util.Map;

/** What one provider says about a user in an ID token, and under which issuer. */
interface IdTokenProfile {

    /** The {@code iss} of this user's ID tokens. */
    String issuer(EmulatedUser user);

    /** An issuer a relying party must refuse for this user: what {@code WRONG_ISSUER} puts in. */
    String foreignIssuer(EmulatedUser user);

    /** The claims about the user: {@code sub}, {@code email}, {@code name} and the provider's own. */
    Map<String, Object> userClaims(EmulatedUser user);
}
