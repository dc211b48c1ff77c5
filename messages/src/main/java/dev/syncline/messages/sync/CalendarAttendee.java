package dev.syncline.messages.sync;

/** Someone invited to a calendar item, and their answer. */
public record CalendarAttendee(String email, String name, AttendeeResponse response) {
}
