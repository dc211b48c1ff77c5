package dev.syncline.api.admin;

import dev.syncline.api.observability.ProcessorStatus;
import dev.syncline.api.observability.ProcessorStatuses;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every processing group as this instance sees it: mode, running, error, segments with the instance that holds
 * each, positions, lag behind the head of the event store and dead letters. Administrators only.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class ProcessorsController {

    static final String PATH = "/api/v1/admin/processors";

    private final ProcessorStatuses statuses;

    public ProcessorsController(ProcessorStatuses statuses) {
        this.statuses = statuses;
    }

    @GetMapping(PATH)
    public ProcessorsOverview processors() {
        return new ProcessorsOverview(statuses.all());
    }

    /** The answer: one entry per processing group, sorted by name. */
    public record ProcessorsOverview(List<ProcessorStatus> processors) {
    }
}
