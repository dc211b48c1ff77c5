package dev.syncline.providers.graph;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaRequestBuilder;
import dev.syncline.providers.sync.MailboxAccess;

/**
 * Reads one delta page of one mail folder: a fresh delta (with {@code $select}) or the folder's next or
 * delta link. Every request asks for immutable ids (so a moved message keeps its id), plain-text bodies and
 * the page size, in one {@code Prefer} header.
 */
final class MailDeltaReader {

    static final String[] MESSAGE_FIELDS = {"id", "conversationId", "parentFolderId", "subject", "bodyPreview", "body",
            "from", "sender", "toRecipients", "ccRecipients", "receivedDateTime", "isRead", "hasAttachments"};

    private final GraphCalls calls;

    MailDeltaReader(GraphCalls calls) {
        this.calls = calls;
    }

    DeltaGetResponse read(MailboxAccess access, GraphServiceClient graph, MailSyncState.Folder folder, int pageSize) {
        String prefer = "odata.maxpagesize=" + pageSize + ", IdType=\"ImmutableId\", outlook.body-content-type=\"text\"";
        DeltaRequestBuilder delta = graph.me().mailFolders().byMailFolderId(folder.id()).messages().delta();
        return calls.run(access, "mail delta of folder " + folder.id(), () -> folder.link() == null
                ? delta.get(request -> {
                    request.headers.add("Prefer", prefer);
                    request.queryParameters.select = MESSAGE_FIELDS;
                })
                : delta.withUrl(folder.link()).get(request -> request.headers.add("Prefer", prefer)));
    }
}
