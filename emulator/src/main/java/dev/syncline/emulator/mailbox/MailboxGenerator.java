package dev.syncline.emulator.mailbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes a believable mailbox from a {@link MailboxSpec}: threads of replies, several folders, unread
 * and starred mail, carbon copies, attachments, now and then a body longer than any sensible cap; and a
 * calendar with time zones, all-day items, recurring series, attendees with answers and cancellations.
 * Deterministic: the same spec gives the same mailbox, item for item.
 */
public final class MailboxGenerator {

    private static final List<String> SYSTEM_FOLDERS = List.of("Inbox", "Sent", "Archive");
    private static final List<String> FOLDER_NAMES = List.of("Projects", "Receipts", "Travel", "Family", "Newsletters",
            "Clients", "Hiring", "Finance", "Events", "Support");
    private static final List<String> FIRST_NAMES = List.of("Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances",
            "Ken", "Margaret", "Niklaus", "Radia", "Tim", "Leslie", "Katherine", "John", "Sophie");
    private static final List<String> LAST_NAMES = List.of("Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth",
            "Allen", "Thompson", "Hamilton", "Wirth", "Perlman", "Berners-Lee", "Lamport", "Johnson", "Backus", "Wilson");
    private static final List<String> DOMAINS = List.of("example.com", "example.org", "example.net", "mail.example");
    private static final List<String> TOPICS = List.of("Quarterly report", "Lunch on Friday", "Invoice", "Design review",
            "Flight itinerary", "Release notes", "Team offsite", "Contract draft", "Weekly update", "Welcome aboard",
            "Budget", "Conference talk", "Bug triage", "Photos from the weekend", "Interview feedback", "Roadmap");
    private static final List<String> SENTENCES = List.of("Please find the details below.",
            "Let me know what you think.", "I have attached the latest version.", "Can we move this to next week?",
            "Thanks for the quick turnaround.", "The numbers look better than last quarter.",
            "Adding a few more people to this thread.", "Here is a summary of what we agreed.",
            "Could you review this before Thursday?", "Looking forward to seeing everyone there.");
    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo", "Europe/London",
            "America/Los_Angeles", "Australia/Sydney", "UTC");
    private static final List<String> RULES = List.of("RRULE:FREQ=WEEKLY;BYDAY=MO", "RRULE:FREQ=DAILY;COUNT=10",
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=1", "RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=20");
    private static final List<String> RESPONSES = List.of("accepted", "declined", "tentative", "needsAction");
    private static final List<String> ATTACHMENT_TYPES = List.of("application/pdf", "image/png", "text/csv",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    private static final List<String> ATTACHMENT_EXTENSIONS = List.of("pdf", "png", "csv", "docx");

    private MailboxGenerator() {
    }

    /** Generates the mailbox of {@code ownerEmail}; the owner is the sender of mail in {@code Sent}. */
    public static GeneratedMailbox generate(MailboxSpec spec, String ownerEmail) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        List<String> folders = folders(spec.folders());
        GeneratedAddress owner = new GeneratedAddress(nameOf(ownerEmail), ownerEmail);
        List<GeneratedMessage> messages = new ArrayList<>(spec.messages());
        for (int i = 0; i < spec.messages(); i++) {
            messages.add(message(i, spec, folders, owner, random));
        }
        List<GeneratedCalendarItem> items = new ArrayList<>(spec.calendarItems());
        for (int i = 0; i < spec.calendarItems(); i++) {
            items.add(calendarItem(i, spec, owner, random));
        }
        return new GeneratedMailbox(folders, messages, items);
    }

    /** One more message in the style of the generated ones, for tests that add mail. */
    public static GeneratedMessage message(long seed, String key, String folder, Instant receivedAt) {
        SplittableRandom random = new SplittableRandom(seed);
        GeneratedAddress from = person(random);
        return new GeneratedMessage(key, "t-" + key, folder, from, List.of(person(random)), List.of(), topic(random),
                body(random, 3), receivedAt, true, false, List.of());
    }

    /** One more calendar item, for tests that add items. */
    public static GeneratedCalendarItem calendarItem(String key, String title, LocalDateTime start, Duration length,
                                                     String timeZone) {
        return new GeneratedCalendarItem(key, title, "Added by a test", "Room 1", start, start.plus(length), timeZone,
                false, null, new GeneratedAddress("Ada Lovelace", "ada@example.com"), List.of(), false);
    }

    private static List<String> folders(int userFolders) {
        List<String> folders = new ArrayList<>(SYSTEM_FOLDERS);
        for (int i = 0; i < userFolders; i++) {
            String name = FOLDER_NAMES.get(i % FOLDER_NAMES.size());
            folders.add(i < FOLDER_NAMES.size() ? name : name + " " + (i / FOLDER_NAMES.size() + 1));
        }
        return folders;
    }

    private static GeneratedMessage message(int index, MailboxSpec spec, List<String> folders, GeneratedAddress owner,
                                            SplittableRandom random) {
        String key = String.format("m%06d", index);
        // About three messages per conversation: a reply joins one of the last few threads.
        String thread = index > 0 && random.nextInt(3) > 0
                ? String.format("t%06d", Math.max(0, index - 1 - random.nextInt(Math.min(index, 5))) / 3)
                : String.format("t%06d", index / 3);
        String folder = pickFolder(folders, random);
        boolean sent = folder.equals("Sent");
        GeneratedAddress from = sent ? owner : person(random);
        List<GeneratedAddress> to = sent ? List.of(person(random)) : List.of(owner);
        List<GeneratedAddress> cc = random.nextInt(4) == 0 ? List.of(person(random), person(random)) : List.of();
        String subject = (thread.equals(String.format("t%06d", index / 3)) ? "" : "Re: ") + topic(random) + " #" + index;
        // Roughly one message in 200 has a body far longer than any sensible cap.
        String body = random.nextInt(200) == 0 ? longBody(random) : body(random, 1 + random.nextInt(6));
        Instant receivedAt = spec.now().minusSeconds((long) (spec.messages() - index) * 600 + random.nextInt(600));
        boolean unread = !sent && random.nextInt(5) == 0;
        boolean starred = random.nextInt(20) == 0;
        return new GeneratedMessage(key, thread, folder, from, to, cc, subject, body, receivedAt, unread, starred,
                attachments(random));
    }

    private static String pickFolder(List<String> folders, SplittableRandom random) {
        int roll = random.nextInt(10);
        if (roll < 5 || folders.size() == 3) {
            return roll < 5 ? "Inbox" : folders.get(1 + random.nextInt(2));
        }
        if (roll < 7) {
            return folders.get(1 + random.nextInt(2));
        }
        return folders.get(3 + random.nextInt(folders.size() - 3));
    }

    private static List<GeneratedAttachment> attachments(SplittableRandom random) {
        if (random.nextInt(6) != 0) {
            return List.of();
        }
        int count = 1 + random.nextInt(3);
        List<GeneratedAttachment> attachments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int type = random.nextInt(ATTACHMENT_TYPES.size());
            attachments.add(new GeneratedAttachment(topic(random).toLowerCase().replace(' ', '-') + "-" + i + "."
                    + ATTACHMENT_EXTENSIONS.get(type), ATTACHMENT_TYPES.get(type), 1_024L + random.nextInt(5_000_000)));
        }
        return attachments;
    }

    private static GeneratedCalendarItem calendarItem(int index, MailboxSpec spec, GeneratedAddress owner,
                                                      SplittableRandom random) {
        String key = String.format("c%05d", index);
        String zone = ZONES.get(random.nextInt(ZONES.size()));
        LocalDate day = LocalDate.ofInstant(spec.now(), ZoneId.of(zone)).plusDays(random.nextInt(60) - 20);
        boolean allDay = random.nextInt(8) == 0;
        LocalDateTime start = allDay ? day.atStartOfDay() : day.atTime(8 + random.nextInt(10), random.nextInt(4) * 15);
        LocalDateTime end = allDay ? start.plusDays(1 + random.nextInt(3)) : start.plusMinutes(30L * (1 + random.nextInt(4)));
        String recurrence = !allDay && random.nextInt(6) == 0 ? RULES.get(random.nextInt(RULES.size())) : null;
        boolean meeting = random.nextInt(3) > 0;
        GeneratedAddress organizer = meeting && random.nextBoolean() ? person(random) : owner;
        List<GeneratedAttendee> attendees = new ArrayList<>();
        if (meeting) {
            attendees.add(new GeneratedAttendee(owner.email(), owner.name(),
                    organizer == owner ? "accepted" : RESPONSES.get(random.nextInt(RESPONSES.size()))));
            for (int i = random.nextInt(4); i >= 0; i--) {
                GeneratedAddress guest = person(random);
                attendees.add(new GeneratedAttendee(guest.email(), guest.name(), RESPONSES.get(random.nextInt(RESPONSES.size()))));
            }
        }
        boolean cancelled = meeting && random.nextInt(15) == 0;
        return new GeneratedCalendarItem(key, topic(random), body(random, 2), random.nextBoolean() ? "Room " + (1 + random.nextInt(9)) : null,
                start, end, zone, allDay, recurrence, organizer, attendees, cancelled);
    }

    private static GeneratedAddress person(SplittableRandom random) {
        String first = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
        String last = LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
        String email = (first + "." + last).toLowerCase().replace("-", "") + "@" + DOMAINS.get(random.nextInt(DOMAINS.size()));
        return new GeneratedAddress(first + " " + last, email);
    }

    private static String topic(SplittableRandom random) {
        return TOPICS.get(random.nextInt(TOPICS.size()));
    }

    private static String body(SplittableRandom random, int sentences) {
        StringBuilder body = new StringBuilder("Hi,\n\n");
        for (int i = 0; i < sentences; i++) {
            body.append(SENTENCES.get(random.nextInt(SENTENCES.size()))).append(i % 3 == 2 ? "\n\n" : " ");
        }
        return body.append("\n\nBest regards").toString();
    }

    private static String longBody(SplittableRandom random) {
        StringBuilder body = new StringBuilder(70_000);
        while (body.length() < 60_000) {
            body.append(SENTENCES.get(random.nextInt(SENTENCES.size()))).append(' ');
        }
        return body.toString();
    }

    private static String nameOf(String email) {
        String local = email.substring(0, email.indexOf('@'));
        return Character.toUpperCase(local.charAt(0)) + local.substring(1);
    }
}
