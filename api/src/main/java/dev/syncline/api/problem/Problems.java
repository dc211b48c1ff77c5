package dev.syncline.api.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details of our {@link ProblemType}s. */
public final class Problems {

    /** The extension member that lists what was wrong with each field. */
    public static final String ERRORS = "errors";

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    public static ProblemDetail of(ProblemType type, String detail, String instancePath) {
        ProblemDetail problem = of(type, detail);
        if (instancePath != null && !instancePath.isBlank()) {
            try {
                problem.setInstance(URI.create(instancePath));
            } catch (IllegalArgumentException ignored) {
                // A path the client made up that is no valid URI: the problem is still worth answering.
            }
        }
        return problem;
    }

    /** A validation-failed problem listing each invalid field. */
    public static ProblemDetail validationFailed(List<FieldProblem> errors, String instancePath) {
        long fields = errors.stream().map(FieldProblem::field).distinct().count();
        ProblemDetail problem = of(ProblemType.VALIDATION_FAILED,
                fields == 1 ? "One field is invalid." : fields + " fields are invalid.", instancePath);
        problem.setProperty(ERRORS, errors);
        return problem;
    }

    /** One entry of a validation problem's {@code errors}: the field's name and what is wrong, never its value. */
    public record FieldProblem(String field, String message) {
    }
}
