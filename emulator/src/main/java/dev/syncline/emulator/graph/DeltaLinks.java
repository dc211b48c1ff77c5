package dev.syncline.emulator.graph;

import dev.syncline.emulator.http.Response;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The token a delta request continues from, and the body of a delta page with its next or delta link. */
final class DeltaLinks {

    private DeltaLinks() {
    }

    /** The {@code $skiptoken} or {@code $deltatoken} of the request, decoded; null for a first request. */
    static DeltaToken tokenOf(ApiCall call) {
        return call.query("$skiptoken").or(() -> call.query("$deltatoken"))
                .or(() -> call.query("skiptoken")).or(() -> call.query("deltatoken"))
                .map(DeltaToken::decode).orElse(null);
    }

    static List<String> selectOf(ApiCall call) {
        return call.query("$select").map(select -> Arrays.asList(select.split(","))).orElse(List.of());
    }

    static Response page(ApiCall call, String context, List<Map<String, Object>> values, DeltaToken next,
                         String preferenceApplied) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", call.origin() + "/v1.0/$metadata#" + context);
        body.put("value", values);
        if (next.delta()) {
            body.put("@odata.deltaLink", call.linkWithQuery("$deltatoken=" + next.encode()));
        } else {
            body.put("@odata.nextLink", call.linkWithQuery("$skiptoken=" + next.encode()));
        }
        return Response.json(200, body).withHeader("Preference-Applied", preferenceApplied);
    }
}
