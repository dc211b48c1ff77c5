package dev.syncline.providers.graph;

import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.models.MailFolderCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.syncline.providers.sync.MailboxAccess;

import java.util.ArrayList;
import java.util.List;

/**
 * The mailbox's top-level mail folders ({@code GET /me/mailFolders}, following next links): the folders a
 * sync reads. Child folders are not descended into.
 */
final class MailFolderListing {

    private static final String[] FIELDS = {"id", "displayName", "parentFolderId", "totalItemCount"};
    private static final int PAGE = 100;

    private final GraphCalls calls;

    MailFolderListing(GraphCalls calls) {
        this.calls = calls;
    }

    List<MailFolder> list(MailboxAccess access, GraphServiceClient graph) {
        List<MailFolder> folders = new ArrayList<>();
        MailFolderCollectionResponse page = calls.run(access, "mail folder list",
                () -> graph.me().mailFolders().get(request -> {
                    request.queryParameters.top = PAGE;
                    request.queryParameters.select = FIELDS;
                }));
        folders.addAll(page.getValue());
        while (page.getOdataNextLink() != null) {
            String next = page.getOdataNextLink();
            page = calls.run(access, "mail folder list", () -> graph.me().mailFolders().withUrl(next).get());
            folders.addAll(page.getValue());
        }
        return folders;
    }
}
