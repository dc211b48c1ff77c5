package dev.syncline.api.security;

import org.springframework.security.core.AuthenticationException;

/**
 * A bearer token was sent and rejected: malformed, badly signed, by an unknown key, expired, or for
 * another issuer, audience or type. The message names the reason for the server's debug log; it never
 * holds the token, and the client only learns that the token is invalid.
 */
public class InvalidAccessTokenException extends AuthenticationException {

    public InvalidAccessTokenException(String reason) {
        super(reason);
    }

    public InvalidAccessTokenException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
