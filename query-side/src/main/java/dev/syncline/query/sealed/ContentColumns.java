package dev.syncline.query.sealed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * How the projections of opened content write it into PostgreSQL and read it back: stable row ids, text
 * PostgreSQL accepts, instants at the precision it stores, and JSON for the {@code jsonb} columns.
 */
public final class ContentColumns {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContentColumns() {
    }

    /**
     * The row id of an item: a name-based UUID of its kind, account and external id, so that a replay, a
     * duplicate or a second sync gives the same id, and the same external id in two accounts does not.
     */
    public static UUID stableId(String kind, String accountId, String externalId) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(externalId, "externalId");
        String name = "syncline:" + kind + ":" + accountId + ":" + externalId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** The text without NUL characters, which PostgreSQL refuses in {@code text} and {@code jsonb}. */
    public static String text(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace("\0", "");
    }

    /** At most {@code maxChars} characters of the text, never cutting a surrogate pair in two. */
    public static String cut(String value, int maxChars) {
        if (value == null || value.length() <= maxChars) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return value.substring(0, end);
    }

    public static String[] textArray(Collection<String> values) {
        return values.stream().filter(Objects::nonNull).map(ContentColumns::text).toArray(String[]::new);
    }

    /** The instant at PostgreSQL's microsecond precision, so that what is read back equals what was written. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /** The value as JSON; its strings must already be {@link #text clean}, as jsonb refuses an escaped NUL too. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> List<T> jsonList(String json, Class<T> elementType) {
        if (json == null) {
            return List.of();
        }
        JavaType type = JSON.getTypeFactory().constructCollectionType(List.class, elementType);
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            // The message would quote the column, which is content.
            throw new IllegalStateException("A jsonb column does not hold a list of " + elementType.getSimpleName());
        }
    }
}
