package dev.syncline.emulator.graph;

import dev.syncline.emulator.http.Response;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /me/mailFolders} (paged by {@code $top}/{@code $skip}, 10 by default) and one folder by id. */
final class MailFoldersEndpoint {

    private static final int DEFAULT_TOP = 10;

    Response list(ApiCall call) {
        int top = Math.min(999, Math.max(1, number(call, "$top", DEFAULT_TOP)));
        int skip = Math.max(0, number(call, "$skip", 0));
        List<MailFolder.View> folders = call.mailbox().mail().folders();
        List<MailFolder.View> page = folders.subList(Math.min(skip, folders.size()), Math.min(skip + top, folders.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", call.origin() + "/v1.0/$metadata#users('me')/mailFolders");
        body.put("value", page.stream().map(MailFoldersEndpoint::json).toList());
        if (skip + top < folders.size()) {
            body.put("@odata.nextLink", call.linkWithQuery("$top=" + top + "&$skip=" + (skip + top)));
        }
        return Response.json(200, body);
    }

    Response one(ApiCall call) {
        return call.mailbox().mail().folder(call.pathVariable("folderId"))
                .map(folder -> Response.json(200, json(folder)))
                .orElseThrow(GraphApiException::itemNotFound);
    }

    private static Map<String, Object> json(MailFolder.View folder) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", folder.id());
        json.put("displayName", folder.displayName());
        json.put("parentFolderId", folder.parentFolderId());
        json.put("childFolderCount", 0);
        json.put("unreadItemCount", folder.unreadItemCount());
        json.put("totalItemCount", folder.totalItemCount());
        json.put("isHidden", false);
        return json;
    }

    private static int number(ApiCall call, String name, int fallback) {
        try {
            return call.query(name).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new GraphApiException(400, "BadRequest", "Invalid value for " + name + ".");
        }
    }
}
