package dev.syncline.emulator.oidc;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a queued ID token goes wrong: each is a check a relying party must make (OpenID Connect Core 3.1.3.7). */
public enum IdTokenFault {
    /** {@code iss} names another issuer (at Microsoft: the issuer of another tenant than {@code tid}). */
    WRONG_ISSUER,
    /** {@code aud} names another client. */
    WRONG_AUDIENCE,
    /** {@code nonce} differs from the one the authorization request sent (and is present even if none was sent). */
    WRONG_NONCE,
    /** {@code exp} ten minutes in the past, beyond any sensible clock skew. */
    EXPIRED,
    /** {@code alg: none} and an empty signature. */
    UNSIGNED,
    /** Signed by a key that is not in the JWKS, under the published key's {@code kid}. */
    WRONG_KEY;

    /** The name used in the control API's JSON, e.g. {@code "wrong_issuer"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IdTokenFault> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName().equalsIgnoreCase(name)).findFirst();
    }
}
