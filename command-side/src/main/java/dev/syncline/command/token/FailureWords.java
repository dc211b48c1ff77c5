package dev.syncline.command.token;

import dev.syncline.messages.account.Provider;
import dev.syncline.providers.oauth.TokenEndpointException;
import java.time.Instant;

/** Says a refresh failure in words a user understands, with the provider's code kept for diagnostics. */
final class FailureWords {

    private FailureWords() {
    }

    static String permanentFailure(Provider provider, TokenEndpointException e) {
        String description = e.description() == null ? "" : ": " + e.description().replaceAll("[.\\s]+$", "");
        return name(provider) + " refused the grant (" + e.error() + ")" + description
                + ". Connect the account again to re-authorize Syncline.";
    }

    static String transientFailure(Provider provider, TokenEndpointException e, Instant nextAttemptAt) {
        return name(provider) + "'s token endpoint failed for now (" + e.error() + "); next attempt at " + nextAttemptAt + ".";
    }

    private static String name(Provider provider) {
        return provider == Provider.GOOGLE ? "Google" : "Microsoft";
    }
}
