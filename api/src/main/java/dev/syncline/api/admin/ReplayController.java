package dev.syncline.api.admin;

import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.api.security.CurrentUser;
import dev.syncline.query.replay.ReplayAlreadyRunningException;
import dev.syncline.query.replay.ReplayProgress;
import dev.syncline.query.replay.ReplayService;
import dev.syncline.query.replay.UnknownProcessingGroupException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilds a read model by replaying its processing group, and shows how far the replay is. Administrators only. */
@RestController
@RequestMapping(ReplayController.PATH)
@PreAuthorize("hasRole('ADMIN')")
public class ReplayController {

    static final String PATH = "/api/v1/admin/replay";

    private static final Logger log = LoggerFactory.getLogger(ReplayController.class);
    private static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final ReplayService replays;

    public ReplayController(ReplayService replays) {
        this.replays = replays;
    }

    /** Starts the replay and answers 202 with its progress and, in {@code Location}, where to follow it. */
    @PostMapping("/{processingGroup}")
    public ResponseEntity<ReplayProgress> replay(@PathVariable("processingGroup") String processingGroup,
                                                 @AuthenticationPrincipal CurrentUser caller) {
        try {
            ReplayProgress progress = replays.start(known(processingGroup));
            log.info("User {} asked to replay processing group {}", caller.userId(), processingGroup);
            return ResponseEntity.accepted().location(URI.create(PATH + "/" + processingGroup)).body(progress);
        } catch (UnknownProcessingGroupException e) {
            throw notFound(processingGroup);
        } catch (ReplayAlreadyRunningException e) {
            throw new ApiProblemException(ProblemType.INVALID_STATE,
                    "A replay of " + processingGroup + " is already " + e.progress().state().name().toLowerCase(Locale.ROOT)
                            + "; follow it at " + PATH + "/" + processingGroup + ".",
                    Map.of("state", e.progress().state().name()));
        }
    }

    /** The state of the group's last replay on this instance, each segment's position and the head of the event store. */
    @GetMapping("/{processingGroup}")
    public ReplayProgress progress(@PathVariable("processingGroup") String processingGroup) {
        try {
            return replays.progress(known(processingGroup));
        } catch (UnknownProcessingGroupException e) {
            throw notFound(processingGroup);
        }
    }

    private String known(String processingGroup) {
        if (!GROUP.matcher(processingGroup).matches()) {
            throw new UnknownProcessingGroupException(processingGroup);
        }
        return processingGroup;
    }

    private ApiProblemException notFound(String processingGroup) {
        String name = GROUP.matcher(processingGroup).matches() ? processingGroup : "(malformed name)";
        return new ApiProblemException(ProblemType.NOT_FOUND,
                "No processing group " + name + " can be replayed: only projections that reset their read model can.",
                Map.of("replayableGroups", replays.replayableGroups()));
    }
}
