package dev.syncline.providers.metering;

/** Told of every HTTP call the provider adapters make, once each, by the transport that made it. */
@FunctionalInterface
public interface ProviderCallListener {

    /** Hears nothing: for adapters built without metering (tests, tools). */
    ProviderCallListener NONE = call -> {
    };

    void completed(ProviderCall call);
}
