package dev.syncline.providers.sync;

/** The provider answered 401: the access token expired early or the grant was revoked. */
public class AccessTokenRejectedException extends ProviderSyncException {

    public AccessTokenRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
