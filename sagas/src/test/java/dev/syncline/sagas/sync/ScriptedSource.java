package dev.syncline.sagas.sync;

import dev.syncline.messages.account.Provider;
import dev.syncline.messages.sync.CalendarItemsPage;
import dev.syncline.messages.sync.MessagesPage;
import dev.syncline.providers.sync.CalendarSource;
import dev.syncline.providers.sync.MailboxAccess;
import dev.syncline.providers.sync.MessageSource;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * A provider adapter that answers each read from a script (a page, a provider exception, or anything a
 * test needs, such as waiting for a signal) and otherwise with a fixed page, and records every read: which
 * account, with which access token, from which position.
 */
abstract class ScriptedSource<P> {

    /** One read the adapter was asked for. */
    record Read(String accountId, String accessToken, String position) {
    }

    /** How the adapter answers one read. */
    @FunctionalInterface
    interface Answer<P> {
        P answer(String position);
    }

    private final Provider provider;
    private final P otherwise;
    private final Queue<Answer<P>> script = new ConcurrentLinkedQueue<>();
    private final List<Read> reads = new CopyOnWriteArrayList<>();

    ScriptedSource(Provider provider, P otherwise) {
        this.provider = provider;
        this.otherwise = otherwise;
    }

    public Provider provider() {
        return provider;
    }

    ScriptedSource<P> thenAnswer(P page) {
        return then(position -> page);
    }

    ScriptedSource<P> thenThrow(RuntimeException failure) {
        return then(position -> {
            throw failure;
        });
    }

    ScriptedSource<P> then(Answer<P> answer) {
        script.add(answer);
        return this;
    }

    List<Read> reads() {
        return List.copyOf(reads);
    }

    void forget() {
        reads.clear();
    }

    P read(MailboxAccess access, String position) {
        reads.add(new Read(access.accountId(), access.accessToken(), position));
        Answer<P> next = script.poll();
        return next == null ? otherwise : next.answer(position);
    }

    /** The application's adapter registry over these adapters, built as Spring builds it from beans. */
    static SyncSources syncSources(MessageSource mail, CalendarSource calendar) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mail", mail, "calendar", calendar));
        return new SyncSources(beans.getBeanProvider(MessageSource.class), beans.getBeanProvider(CalendarSource.class));
    }

    /** A scripted mail adapter. */
    static final class Mail extends ScriptedSource<MessagesPage> implements MessageSource {

        Mail(Provider provider, MessagesPage otherwise) {
            super(provider, otherwise);
        }

        @Override
        public MessagesPage fetch(MailboxAccess access, String position) {
            return read(access, position);
        }
    }

    /** A scripted calendar adapter. */
    static final class Calendar extends ScriptedSource<CalendarItemsPage> implements CalendarSource {

        Calendar(Provider provider, CalendarItemsPage otherwise) {
            super(provider, otherwise);
        }

        @Override
        public CalendarItemsPage fetch(MailboxAccess access, String position) {
            return read(access, position);
        }
    }
}
