package dev.syncline.emulator.graph;

import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.mailbox.GeneratedAttachment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /me/messages/{id}/attachments}: metadata only ({@code $select=name,contentType,size}). */
final class AttachmentsEndpoint {

    Response list(ApiCall call) {
        MailStore mail = call.mailbox().mail();
        StoredMessage message = mail.message(call.pathVariable("messageId"))
                .orElseThrow(GraphApiException::itemNotFound);
        Set<String> select = MessageJson.fields(DeltaLinks.selectOf(call));
        List<GeneratedAttachment> attachments = message.content().attachments();
        List<Map<String, Object>> values = new ArrayList<>(attachments.size());
        for (int i = 0; i < attachments.size(); i++) {
            values.add(MessageJson.attachment(attachments.get(i), mail.ids().attachment(message.serial(), i), select));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", call.origin() + "/v1.0/$metadata#users('me')/messages('" + message.id()
                + "')/attachments");
        body.put("value", values);
        return Response.json(200, body);
    }
}
