package dev.syncline.api.observability;

import dev.syncline.providers.metering.ProviderCall;
import dev.syncline.providers.metering.ProviderCallListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code syncline.provider.calls{provider, api, outcome, status}}: every HTTP call of the provider adapters, counted
 * by their transports. The tags are bounded: two providers, a handful of APIs, five outcomes, the HTTP status
 * ("none" when no answer came).
 */
@Component
public class ProviderCallMetrics implements ProviderCallListener {

    private final MeterRegistry registry;

    public ProviderCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void completed(ProviderCall call) {
        Counter.builder("syncline.provider.calls")
                .description("HTTP calls to the providers' APIs and OAuth endpoints")
                .tags("provider", call.provider(), "api", call.api(), "outcome", call.outcome(),
                        "status", call.status() == null ? "none" : String.valueOf(call.status()))
                .register(registry)
                .increment();
    }
}
