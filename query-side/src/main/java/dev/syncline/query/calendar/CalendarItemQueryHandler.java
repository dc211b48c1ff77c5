package dev.syncline.query.calendar;

import static dev.syncline.query.sealed.ContentColumns.instant;
import static dev.syncline.query.sealed.ContentColumns.jsonList;
import static dev.syncline.query.sealed.ContentColumns.utc;

import dev.syncline.messages.sync.CalendarAttendee;
import dev.syncline.messages.sync.CalendarItemStatus;
import dev.syncline.messages.sync.CalendarItemView;
import dev.syncline.messages.sync.EmailAddress;
import dev.syncline.messages.sync.FindCalendarItemsQuery;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers calendar queries from {@code calendar_events}, which {@link CalendarEventsProjection} keeps, for
 * the caller's own items in the caller's workspace only.
 */
@Component
public class CalendarItemQueryHandler {

    private final NamedParameterJdbcTemplate jdbc;

    public CalendarItemQueryHandler(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    /**
     * The caller's items that overlap [from, to), earliest start first. An item overlaps when it starts
     * before {@code to} and ends after {@code from}; an item that lasts no time, when it starts in the window.
     * A recurring series (non-empty recurrence) is listed when its first occurrence starts before {@code to},
     * whatever that occurrence's end: its later occurrences may fall in the window, and the caller expands
     * the recurrence to find them. Items the provider gave no start are in no window.
     */
    @QueryHandler
    public List<CalendarItemView> handle(FindCalendarItemsQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("workspaceId", query.workspaceId())
                .addValue("ownerId", query.ownerId())
                .addValue("from", utc(query.from()))
                .addValue("to", utc(query.to()));
        String account = "";
        if (query.accountId() != null) {
            account = " AND account_id = :accountId";
            params.addValue("accountId", query.accountId());
        }
        return jdbc.query("""
                        SELECT id, account_id, external_id, title, description, location, starts_at, ends_at, time_zone, all_day,
                               recurrence, series_id, organizer_name, organizer_address, attendees::text AS attendees, status,
                               updated_at
                          FROM calendar_events
                         WHERE workspace_id = :workspaceId AND owner_id = :ownerId""" + account + """
                           AND starts_at < :to
                           AND (ends_at > :from OR starts_at >= :from OR cardinality(recurrence) > 0)
                         ORDER BY starts_at, id
                        """,
                params, CalendarItemQueryHandler::view);
    }

    private static CalendarItemView view(ResultSet rs, int row) throws SQLException {
        String organizerName = rs.getString("organizer_name");
        String organizerAddress = rs.getString("organizer_address");
        return new CalendarItemView(
                rs.getString("id"),
                rs.getString("account_id"),
                rs.getString("external_id"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("location"),
                instant(rs.getObject("starts_at", OffsetDateTime.class)),
                instant(rs.getObject("ends_at", OffsetDateTime.class)),
                rs.getString("time_zone"),
                rs.getBoolean("all_day"),
                strings(rs.getArray("recurrence")),
                rs.getString("series_id"),
                organizerName == null && organizerAddress == null ? null : new EmailAddress(organizerName, organizerAddress),
                jsonList(rs.getString("attendees"), CalendarAttendee.class),
                CalendarItemStatus.valueOf(rs.getString("status")),
                instant(rs.getObject("updated_at", OffsetDateTime.class)));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
