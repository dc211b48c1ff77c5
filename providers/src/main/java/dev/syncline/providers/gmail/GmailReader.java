package dev.syncline.providers.gmail;

import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonErrorContainer;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.json.JsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.GmailRequest;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.Profile;
import dev.syncline.providers.sync.MailboxAccess;
import dev.syncline.providers.sync.ProviderSyncException;
import dev.syncline.providers.sync.TransientProviderException;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The Gmail calls of one sync step, made through the SDK: each authorized with the mailbox's token,
 * paid for at the mailbox's limiter, and failing only with the sync exceptions. A 429 closes the
 * mailbox's limiter for the Retry-After before it is reported.
 */
final class GmailReader {

    private static final String ME = "me";
    private static final int PROFILE_COST = 1;
    private static final int LIST_COST = 5;
    private static final int HISTORY_COST = 2;

    private final Gmail gmail;
    private final JsonFactory json;
    private final HttpRequestInitializer batchSettings;
    private final GmailSettings settings;
    private final MailboxLimiter limiter;
    private final Clock clock;

    GmailReader(Gmail gmail, HttpRequestInitializer batchSettings, GmailSettings settings, MailboxLimiter limiter, Clock clock) {
        this.gmail = gmail;
        this.json = gmail.getJsonFactory();
        this.batchSettings = batchSettings;
        this.settings = settings;
        this.limiter = limiter;
        this.clock = clock;
    }

    Profile profile(MailboxAccess access) {
        return execute(access, GmailCall.PROFILE, PROFILE_COST, false, users -> users.getProfile(ME));
    }

    ListMessagesResponse listMessages(MailboxAccess access, String pageToken) {
        return execute(access, GmailCall.LIST_MESSAGES, LIST_COST, pageToken != null, users -> users.messages().list(ME)
                .setMaxResults((long) settings.pageSize()).setPageToken(pageToken));
    }

    ListHistoryResponse listHistory(MailboxAccess access, BigInteger startHistoryId, String pageToken) {
        return execute(access, GmailCall.LIST_HISTORY, HISTORY_COST, pageToken != null, users -> users.history().list(ME)
                .setStartHistoryId(startHistoryId).setMaxResults((long) GmailSettings.MAX_PAGE_SIZE).setPageToken(pageToken));
    }

    /**
     * Fetches the messages in full, in batches that each fit the mailbox's quota, one batch at a time.
     * A message that no longer exists (404) is reported gone, not failed.
     */
    Fetched fetch(MailboxAccess access, List<String> ids) {
        List<Message> found = new ArrayList<>(ids.size());
        List<String> gone = new ArrayList<>();
        int size = settings.effectiveBatchSize();
        for (int from = 0; from < ids.size(); from += size) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + size));
            BatchOutcome outcome = new BatchOutcome();
            try {
                BatchRequest batch = gmail.batch(batchSettings);
                for (String id : chunk) {
                    Gmail.Users.Messages.Get get = gmail.users().messages().get(ME, id).setFormat("full");
                    authorize(get, access).queue(batch, outcome.callbackFor(id));
                }
                try (MailboxLimiter.Permit permit = limiter.acquire(access.accountId(), GmailSettings.GET_COST * chunk.size())) {
                    batch.execute();
                }
            } catch (HttpResponseException e) {
                throw failed(access, failure(GmailCall.GET_MESSAGES, e, false));
            } catch (IOException e) {
                throw unreachable(GmailCall.GET_MESSAGES, e);
            }
            if (outcome.failure != null) {
                throw failed(access, outcome.failure);
            }
            found.addAll(outcome.found);
            gone.addAll(outcome.gone);
        }
        return new Fetched(found, gone);
    }

    private <T> T execute(MailboxAccess access, GmailCall call, int units, boolean pageToken, RequestBuilder<T> builder) {
        try {
            GmailRequest<T> request = authorize(builder.build(gmail.users()), access);
            try (MailboxLimiter.Permit permit = limiter.acquire(access.accountId(), units)) {
                return request.execute();
            }
        } catch (HttpResponseException e) {
            throw failed(access, failure(call, e, pageToken));
        } catch (IOException e) {
            throw unreachable(call, e);
        }
    }

    /** The token travels in the request's own header, so one client serves every mailbox. */
    private static <R extends GmailRequest<?>> R authorize(R request, MailboxAccess access) {
        request.getRequestHeaders().setAuthorization("Bearer " + access.accessToken());
        return request;
    }

    private ProviderSyncException failed(MailboxAccess access, GmailFailure failure) {
        if (failure.throttled()) {
            limiter.throttled(access.accountId(), failure.retryAfter() != null ? failure.retryAfter() : settings.defaultRetryAfter());
        }
        return failure.toException(settings.defaultRetryAfter());
    }

    /** The cause is kept for I/O failures only: an HTTP error's message would carry the answer's body. */
    private static TransientProviderException unreachable(GmailCall call, IOException e) {
        return new TransientProviderException("Gmail could not be reached for " + call.method() + " ("
                + e.getClass().getSimpleName() + ")", e);
    }

    private GmailFailure failure(GmailCall call, HttpResponseException e, boolean pageToken) {
        GoogleJsonError details = e instanceof GoogleJsonResponseException json ? json.getDetails() : parseError(e.getContent());
        return new GmailFailure(call, e.getStatusCode(), reasons(details),
                RetryAfter.parse(e.getHeaders() == null ? null : e.getHeaders().getRetryAfter(), clock.instant()), pageToken);
    }

    private GoogleJsonError parseError(String content) {
        try {
            return content == null ? null : json.fromString(content, GoogleJsonErrorContainer.class).getError();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> reasons(GoogleJsonError error) {
        if (error == null || error.getErrors() == null) {
            return List.of();
        }
        return error.getErrors().stream().map(GoogleJsonError.ErrorInfo::getReason).filter(r -> r != null).toList();
    }

    /** Builds one SDK request from the users resource. */
    @FunctionalInterface
    private interface RequestBuilder<T> {

        GmailRequest<T> build(Gmail.Users users) throws IOException;
    }

    /** What a fetch found: the messages, and the ids Gmail no longer has. */
    record Fetched(List<Message> found, List<String> gone) {
    }

    /** Collects the per-part answers of one batch, in order. */
    private final class BatchOutcome {

        private final List<Message> found = new ArrayList<>();
        private final List<String> gone = new ArrayList<>();
        private GmailFailure failure;

        JsonBatchCallback<Message> callbackFor(String id) {
            return new JsonBatchCallback<>() {
                @Override
                public void onSuccess(Message message, HttpHeaders headers) {
                    found.add(message);
                }

                @Override
                public void onFailure(GoogleJsonError error, HttpHeaders headers) {
                    if (error.getCode() == 404) {
                        gone.add(id);
                        return;
                    }
                    GmailFailure part = new GmailFailure(GmailCall.GET_MESSAGES, error.getCode(), reasons(error),
                            RetryAfter.parse(headers == null ? null : headers.getRetryAfter(), clock.instant()), false);
                    // A throttled part outranks any other failure: it decides when the mailbox may be called again.
                    if (failure == null || (part.throttled() && !failure.throttled())) {
                        failure = part;
                    }
                }
            };
        }
    }
}
