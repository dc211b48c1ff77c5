package dev.syncline.api.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class MessageIdsInLogsTest {

    record Ping() {
    }

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void theHandlerRunsWithTheMessagesTraceAndCorrelationIdsAndTheOldOnesComeBack() throws Exception {
        MDC.put(MessageIdsInLogs.TRACE_ID, "request-1");
        CommandMessage<Ping> command = GenericCommandMessage.<Ping>asCommandMessage(new Ping())
                .andMetaData(MetaData.with("traceId", "trace-7").and("correlationId", "cause-3"));
        Map<String, String> during = new HashMap<>();

        DefaultUnitOfWork.startAndGet(command).executeWithResult(() -> new MessageIdsInLogs("command").handle(
                CurrentUnitOfWork.get(), () -> {
                    during.putAll(MDC.getCopyOfContextMap());
                    return null;
                }));

        assertThat(during).containsEntry("traceId", "trace-7").containsEntry("correlationId", "cause-3");
        assertThat(MDC.get(MessageIdsInLogs.TRACE_ID)).isEqualTo("request-1");
        assertThat(MDC.get(MessageIdsInLogs.CORRELATION_ID)).isNull();
    }

    @Test
    void aMessageWithoutOriginIsItsOwnTrace() throws Exception {
        CommandMessage<Ping> command = GenericCommandMessage.asCommandMessage(new Ping());
        Map<String, String> during = new HashMap<>();

        DefaultUnitOfWork.startAndGet(command).executeWithResult(() -> new MessageIdsInLogs("command").handle(
                CurrentUnitOfWork.get(), () -> {
                    during.putAll(MDC.getCopyOfContextMap());
                    return null;
                }));

        assertThat(during).containsEntry("traceId", command.getIdentifier()).containsEntry("correlationId", command.getIdentifier());
    }

    @Test
    void aRequestsIdBecomesTheTraceOfWhatItSendsButNeverReplacesAnOrigin() {
        MDC.put(RequestIds.REQUEST_ID, "request-9");
        RequestTraceOnMessages<CommandMessage<?>> interceptor = new RequestTraceOnMessages<>();
        CommandMessage<?> fresh = GenericCommandMessage.asCommandMessage(new Ping());
        CommandMessage<?> caused = GenericCommandMessage.asCommandMessage(new Ping()).andMetaData(MetaData.with("traceId", "trace-7"));

        List<CommandMessage<?>> sent = List.of(interceptor.handle(List.of(fresh)).apply(0, fresh),
                interceptor.handle(List.of(caused)).apply(0, caused));

        assertThat(sent.get(0).getMetaData()).containsEntry("traceId", "request-9");
        assertThat(sent.get(1).getMetaData()).containsEntry("traceId", "trace-7");
    }
}
