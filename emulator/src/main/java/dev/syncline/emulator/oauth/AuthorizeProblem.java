package dev.syncline.emulator.oauth;

/**
 * A defect in an authorization request that is reported back to the (validated) redirect URI as
 * {@code error=invalid_request}. Defects in the client id or redirect URI never redirect.
 */
public enum AuthorizeProblem {
    /** The detail is the response_type sent. */
    UNSUPPORTED_RESPONSE_TYPE,
    /** The detail names the parameter. */
    MISSING_PARAMETER,
    /** The detail is the method sent (empty when absent, which means "plain"). */
    UNSUPPORTED_CHALLENGE_METHOD,
    MALFORMED_CODE_CHALLENGE
}
