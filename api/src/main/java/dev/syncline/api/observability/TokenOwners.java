package dev.syncline.api.observability;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which instance holds each segment of a processing group, read from Axon's token table: Axon's
 * {@code TokenStore} tells only whether this instance may claim a segment, not who else holds it.
 */
@Component
public class TokenOwners {

    private final JdbcClient jdbc;

    public TokenOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every segment of the group by id, with its owner's name or null when unclaimed. */
    public Map<Integer, String> of(String processingGroup) {
        Map<Integer, String> owners = new TreeMap<>();
        jdbc.sql("SELECT segment, owner FROM tokenentry WHERE processorname = :group")
                .param("group", processingGroup)
                .query((row, index) -> {
                    owners.put(row.getInt("segment"), row.getString("owner"));
                    return null;
                })
                .list();
        return owners;
    }
}
