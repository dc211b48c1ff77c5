package dev.syncline.api.keys;

import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.api.security.CurrentUser;
import dev.syncline.command.vault.rotation.KeyRotation;
import dev.syncline.command.vault.rotation.RewrapAlreadyRunningException;
import dev.syncline.command.vault.rotation.RewrapProgress;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rotation of the key-encryption key: starts the rewrap job that moves every account's data key onto the
 * active version of the key ring, and shows how far it is. Administrators only.
 */
@RestController
@RequestMapping(KeyRotationController.PATH)
@PreAuthorize("hasRole('ADMIN')")
public class KeyRotationController {

    static final String PATH = "/api/v1/admin/key-rotation";

    private static final Logger log = LoggerFactory.getLogger(KeyRotationController.class);

    private final KeyRotation rotation;

    public KeyRotationController(KeyRotation rotation) {
        this.rotation = rotation;
    }

    /** Starts the rewrap job in the background; 202 with its progress and, in {@code Location}, where to follow it. */
    @PostMapping
    public ResponseEntity<RewrapProgress> start(@AuthenticationPrincipal CurrentUser caller) {
        try {
            RewrapProgress progress = rotation.start();
            log.info("User {} started key rotation {} onto key-encryption key {}", caller.userId(), progress.jobId(),
                    progress.activeKeyId());
            return ResponseEntity.accepted().location(URI.create(PATH)).body(progress);
        } catch (RewrapAlreadyRunningException e) {
            RewrapProgress running = e.progress();
            throw new ApiProblemException(ProblemType.INVALID_STATE,
                    "A rewrap job is already running" + (running.node() == null ? "" : " on " + running.node())
                            + "; follow it at " + PATH + ".",
                    running.jobId() == null ? Map.of("state", running.state().name())
                            : Map.of("state", running.state().name(), "jobId", running.jobId()));
        }
    }

    /** The data keys by key-encryption key version, those on retired versions, and the last rewrap job. */
    @GetMapping
    public RewrapProgress progress() {
        return rotation.progress();
    }
}
