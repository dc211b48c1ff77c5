package dev.syncline.providers.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.core.CoreConstants;
import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.models.Attachment;
import com.microsoft.graph.models.AttachmentCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.NativeResponseHandler;
import com.microsoft.kiota.RequestInformation;
import dev.syncline.messages.sync.AttachmentInfo;
import dev.syncline.providers.sync.MailboxAccess;
import dev.syncline.providers.sync.TransientProviderException;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attachment metadata (name, content type, size) of many messages through JSON batching: at most 20
 * {@code GET /me/messages/{id}/attachments} steps per {@code $batch}, built with the SDK's
 * {@link BatchRequestContent}. A batch reserves one mailbox permit per step it may run at once.
 * A message gone since its delta page (404) simply has no attachments here; it comes as removed next time.
 */
final class AttachmentBatches {

    static final int MAX_STEPS = 20;
    private static final String[] FIELDS = {"name", "contentType", "size"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphCalls calls;
    private final Clock clock;

    AttachmentBatches(GraphCalls calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    Map<String, List<AttachmentInfo>> read(MailboxAccess access, GraphServiceClient graph, List<String> messageIds) {
        Map<String, List<AttachmentInfo>> found = new HashMap<>();
        for (int from = 0; from < messageIds.size(); from += MAX_STEPS) {
            List<String> group = messageIds.subList(from, Math.min(from + MAX_STEPS, messageIds.size()));
            found.putAll(calls.run(access, "attachment metadata batch", group.size(), () -> readGroup(graph, group)));
        }
        return found;
    }

    private Map<String, List<AttachmentInfo>> readGroup(GraphServiceClient graph, List<String> messageIds) {
        BatchRequestContent batch = new BatchRequestContent(graph);
        Map<String, String> messageOfStep = new LinkedHashMap<>();
        for (String messageId : messageIds) {
            messageOfStep.put(batch.addBatchRequestStep(attachmentsRequest(graph, messageId)), messageId);
        }
        BatchResponseContent answers = post(graph, batch);
        Map<String, Integer> statuses = answers.getResponsesStatusCode();
        Map<String, List<AttachmentInfo>> found = new HashMap<>();
        for (Map.Entry<String, String> step : messageOfStep.entrySet()) {
            int status = statuses.getOrDefault(step.getKey(), 0);
            if (BatchResponseContent.isSuccessStatusCode(status)) {
                AttachmentCollectionResponse page = answers.getResponseById(step.getKey(),
                        AttachmentCollectionResponse::createFromDiscriminatorValue);
                found.put(step.getValue(), page == null ? List.of() : infos(page.getValue()));
            } else if (status == 404) {
                found.put(step.getValue(), List.of());
            } else if (status == 0) {
                throw new TransientProviderException("Graph's batch answer lacks a step", null);
            } else {
                Response answer = answers.getResponseById(step.getKey());
                throw GraphFailures.classify(status, errorCode(answer.body()), answer.header("Retry-After"),
                        "attachment metadata", clock.instant(), null);
            }
        }
        return found;
    }

    /**
     * The step for one message's attachments, on {@code /me}: the SDK names the signed-in user
     * {@code /users/TokenToReplace} and replaces that only in its HTTP pipeline, which batch steps bypass.
     */
    private static RequestInformation attachmentsRequest(GraphServiceClient graph, String messageId) {
        RequestInformation request = graph.me().messages().byMessageId(messageId).attachments()
                .toGetRequestInformation(config -> config.queryParameters.select = FIELDS);
        try {
            String url = request.getUri().toString().replace(
                    CoreConstants.ReplacementConstants.USERS_ENDPOINT_WITH_REPLACE_TOKEN + "/",
                    CoreConstants.ReplacementConstants.ME_ENDPOINT + "/");
            request.setUri(URI.create(url));
            return request;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The SDK built an invalid attachments URL", e);
        }
    }

    /**
     * Posts the batch and checks the envelope's own status, which the SDK's batch builder does not: a 401 or
     * 429 on the envelope must not read as an empty batch.
     */
    private BatchResponseContent post(GraphServiceClient graph, BatchRequestContent batch) {
        try {
            RequestInformation request = graph.getBatchRequestBuilder().toPostRequestInformation(batch);
            NativeResponseHandler handler = new NativeResponseHandler();
            request.setResponseHandler(handler);
            graph.getRequestAdapter().sendPrimitive(request, null, InputStream.class);
            Response envelope = (Response) handler.getValue();
            if (!envelope.isSuccessful()) {
                try (envelope) {
                    throw GraphFailures.classify(envelope.code(), errorCode(envelope.body()), envelope.header("Retry-After"),
                            "attachment metadata batch", clock.instant(), null);
                }
            }
            return new BatchResponseContent(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<AttachmentInfo> infos(List<Attachment> attachments) {
        List<AttachmentInfo> infos = new ArrayList<>(attachments.size());
        for (Attachment attachment : attachments) {
            infos.add(new AttachmentInfo(attachment.getName(), attachment.getContentType(),
                    attachment.getSize() == null ? 0 : attachment.getSize()));
        }
        return infos;
    }

    /** Graph's {@code error.code} from an error body; null when there is none. */
    private static String errorCode(ResponseBody body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode code = JSON.readTree(body.string()).path("error").path("code");
            return code.isTextual() ? code.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
