package dev.syncline.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ProblemTypeTest {

    @Test
    void everyTypeHasItsOwnStableUriUnderTheProblemsBase() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::uri).distinct()).hasSize(ProblemType.values().length);
        assertThat(ProblemType.NOT_FOUND.uri()).hasToString("https://syncline.dev/problems/not-found");
        assertThat(ProblemType.VALIDATION_FAILED.uri()).hasToString("https://syncline.dev/problems/validation-failed");
        assertThat(ProblemType.INVALID_CREDENTIALS.uri()).hasToString("https://syncline.dev/problems/invalid-credentials");
    }

    @Test
    void bareStatusesMapToTheGenericTypes() {
        assertThat(ProblemType.forStatus(400)).isEqualTo(ProblemType.MALFORMED_REQUEST);
        assertThat(ProblemType.forStatus(401)).isEqualTo(ProblemType.UNAUTHORIZED);
        assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(409)).isEqualTo(ProblemType.CONFLICT);
        assertThat(ProblemType.forStatus(503)).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
        assertThat(ProblemType.forStatus(418)).isEqualTo(ProblemType.BAD_REQUEST);
        assertThat(ProblemType.forStatus(500)).isEqualTo(ProblemType.INTERNAL_ERROR);
        assertThat(ProblemType.forStatus(599)).isEqualTo(ProblemType.INTERNAL_ERROR);
    }

    @Test
    void problemOfATypeCarriesItsTypeTitleStatusDetailAndInstance() {
        ProblemDetail problem = Problems.of(ProblemType.NOT_FOUND, "No account acc-1 here.", "/api/v1/accounts/acc-1");

        assertThat(problem.getType()).isEqualTo(ProblemType.NOT_FOUND.uri());
        assertThat(problem.getTitle()).isEqualTo("Not found");
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getDetail()).isEqualTo("No account acc-1 here.");
        assertThat(problem.getInstance()).hasToString("/api/v1/accounts/acc-1");
    }
}
