package dev.syncline.emulator.graph;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * What a skip token ({@code $skiptoken}, the next page of a round) or a delta token ({@code $deltatoken},
 * the start of the next round) stands for. Opaque to clients: base64url text. It carries the scope (folder
 * or calendar id), the cursor generation of the store (so that expired cursors are recognised), the round's
 * bounds in the store's sequence, and the {@code $select} of the first request, which Graph also keeps.
 *
 * @param initial the round started from nothing, so tombstones are left out
 */
record DeltaToken(boolean delta, boolean initial, String scope, int generation, long since, long upTo, long after,
                  List<String> select) {

    private static final String VERSION = "1";

    DeltaToken {
        select = List.copyOf(select);
    }

    static DeltaToken nextPage(String scope, int generation, boolean initial, long since, long upTo, long after,
                               List<String> select) {
        return new DeltaToken(false, initial, scope, generation, since, upTo, after, select);
    }

    static DeltaToken nextRound(String scope, int generation, long upTo, List<String> select) {
        return new DeltaToken(true, false, scope, generation, upTo, upTo, upTo, select);
    }

    String encode() {
        String text = String.join("~", VERSION, delta ? "d" : "s", initial ? "i" : "c", scope,
                Integer.toString(generation), Long.toString(since), Long.toString(upTo), Long.toString(after),
                String.join(",", select));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws GraphApiException 400 for text that no token of this emulator encodes to */
    static DeltaToken decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("~", -1);
            if (parts.length != 9 || !parts[0].equals(VERSION)) {
                throw malformed();
            }
            List<String> select = parts[8].isEmpty() ? List.of() : Arrays.asList(parts[8].split(","));
            return new DeltaToken(parts[1].equals("d"), parts[2].equals("i"), parts[3], Integer.parseInt(parts[4]),
                    Long.parseLong(parts[5]), Long.parseLong(parts[6]), Long.parseLong(parts[7]), select);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static GraphApiException malformed() {
        return new GraphApiException(400, "BadRequest", "The skip or delta token is malformed.");
    }
}
