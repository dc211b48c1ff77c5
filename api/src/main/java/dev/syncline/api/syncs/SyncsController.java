package dev.syncline.api.syncs;

import dev.syncline.api.accounts.CallersAccounts;
import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.api.security.CurrentUser;
import dev.syncline.messages.account.AccountStatus;
import dev.syncline.messages.account.AccountView;
import dev.syncline.messages.sync.StartSyncCommand;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncMode;
import dev.syncline.messages.sync.SyncTrigger;
import java.net.URI;
import java.util.Arrays;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Starts a sync of one channel of one of the caller's accounts; the sync runs in the background. */
@RestController
@RequestMapping("/api/v1/accounts/{id}/syncs")
public class SyncsController {

    private final CallersAccounts accounts;
    private final CommandGateway commands;

    public SyncsController(CallersAccounts accounts, CommandGateway commands) {
        this.accounts = accounts;
        this.commands = commands;
    }

    @PostMapping
    public ResponseEntity<SyncAccepted> start(@PathVariable("id") String id, @RequestBody StartSyncRequest request,
                                              @AuthenticationPrincipal CurrentUser caller) {
        SyncChannel channel = SyncChannel.fromId(required(request.channel(), "channel")).orElseThrow(() ->
                invalid("channel", "must be one of " + Arrays.stream(SyncChannel.values()).map(SyncChannel::id).toList()));
        SyncMode mode = request.mode() == null ? SyncMode.AUTO : SyncMode.fromId(request.mode()).orElseThrow(() ->
                invalid("mode", "must be one of " + Arrays.stream(SyncMode.values()).map(SyncMode::id).toList()));
        AccountView account = accounts.owned(id, caller, "No account with that id here.");
        if (account.status() != AccountStatus.ACTIVE) {
            throw new ApiProblemException(ProblemType.REAUTHORIZATION_REQUIRED,
                    "Account " + id + " must be connected again before it can sync.");
        }
        String syncId = commands.sendAndWait(new StartSyncCommand(channel.streamIdFor(id), id, caller.workspaceId().toString(),
                        caller.userId().toString(), account.provider(), channel, mode, SyncTrigger.USER_REQUEST,
                        UUID.randomUUID().toString()),
                MetaData.with("actor", "user:" + caller.userId()).and("cause", "user-request"));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/accounts/" + id + "/syncs/" + syncId))
                .body(new SyncAccepted(syncId, id, channel.id(), mode.id()));
    }


    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is required");
        }
        return value;
    }

    private static ApiProblemException invalid(String field, String problem) {
        return new ApiProblemException(ProblemType.VALIDATION_FAILED, field + " " + problem,
                java.util.Map.of("field", field));
    }
}
