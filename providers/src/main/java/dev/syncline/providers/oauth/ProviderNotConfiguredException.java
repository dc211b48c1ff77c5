package dev.syncline.providers.oauth;

import dev.syncline.messages.account.Provider;

/** Syncline has no OAuth client registration for the provider (no client id configured). */
public class ProviderNotConfiguredException extends RuntimeException {

    public ProviderNotConfiguredException(Provider provider) {
        super("No OAuth client is configured for " + provider.id()
                + " (set " + provider.name() + "_CLIENT_ID and " + provider.name() + "_CLIENT_SECRET)");
    }
}
