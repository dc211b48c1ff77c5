package dev.syncline.sagas;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * A command gateway that records every command it is asked to send, from any thread, and answers the way
 * the aggregates would: with what the test configured for the command's type ({@code null} otherwise), or
 * by throwing what that answer throws.
 */
public final class RecordingCommandGateway implements CommandGateway {

    private final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();
    private final Map<Class<?>, Function<Object, ?>> answers = new ConcurrentHashMap<>();

    /** Answers commands of {@code type} with {@code answer}'s result (or its exception). */
    public <C> RecordingCommandGateway answering(Class<C> type, Function<? super C, ?> answer) {
        answers.put(type, command -> answer.apply(type.cast(command)));
        return this;
    }

    /** The payloads of every command sent so far, in order. */
    public List<Object> commands() {
        return sent.stream().<Object>map(Message::getPayload).toList();
    }

    /** The payloads of the commands of one type sent so far, in order. */
    public <C> List<C> commands(Class<C> type) {
        return sent.stream().map(Message::getPayload).filter(type::isInstance).map(type::cast).toList();
    }

    /** The commands sent so far with their metadata. */
    public List<CommandMessage<?>> messages() {
        return List.copyOf(sent);
    }

    public void forget() {
        sent.clear();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R sendAndWait(Object command) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        sent.add(message);
        Function<Object, ?> answer = answers.get(message.getPayloadType());
        return answer == null ? null : (R) answer.apply(message.getPayload());
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        return sendAndWait(command);
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        try {
            return CompletableFuture.completedFuture(sendAndWait(command));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        CommandMessage<C> message = GenericCommandMessage.asCommandMessage(command);
        CommandResultMessage<R> result;
        try {
            result = GenericCommandResultMessage.asCommandResultMessage((Object) sendAndWait(message));
        } catch (RuntimeException e) {
            result = GenericCommandResultMessage.asCommandResultMessage(e);
        }
        callback.onResult(message, result);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        throw new UnsupportedOperationException("The recording gateway runs no interceptors");
    }
}
