package dev.syncline.emulator.gmail;

import java.time.Clock;

/** One user's Gmail: the mail it holds and the calls it receives. */
record GmailMailbox(String email, MessageStore store, MailboxTraffic traffic) {

    static GmailMailbox empty(String email, Clock clock) {
        return new GmailMailbox(email, new MessageStore(clock), new MailboxTraffic());
    }
}
