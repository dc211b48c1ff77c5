package dev.syncline.sagas.sync;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why a fetch failed, in words a user can read. Messages of our own exceptions are written to be safe
 * (no tokens, no content); anything else is named by its type only, because a library's message may
 * quote a request.
 */
final class FailureReason {

    private static final int MAX_LENGTH = 500;

    private FailureReason() {
    }

    static String of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String words = cause.getClass().getName().startsWith("dev.syncline.") && cause.getMessage() != null
                ? cause.getMessage()
                : "Unexpected " + cause.getClass().getSimpleName() + " while reading from the provider";
        return words.length() > MAX_LENGTH ? words.substring(0, MAX_LENGTH) : words;
    }
}
