package dev.syncline.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.api.testing.ApiIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The README tells the truth: its two commands exist and every endpoint it lists is served. */
class ReadmeTest extends ApiIntegrationTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern ENDPOINT = Pattern.compile("^\\| `(GET|POST|PUT|DELETE) (/api/[^` ?]+)");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theTwoCommandsExistAndCiRunsTheTestCommand() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains("bin/run ").contains("bin/test ");
        assertThat(Files.isExecutable(ROOT.resolve("bin/run"))).isTrue();
        assertThat(Files.isExecutable(ROOT.resolve("bin/test"))).isTrue();
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("exec bin/test");
    }

    @Test
    void everyEndpointTheReadmeListsIsServed() throws IOException {
        Set<String> served = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getMethodsCondition().getMethods().stream()
                        .flatMap(method -> info.getPatternValues().stream().map(path -> method + " " + normalized(path))))
                .collect(Collectors.toSet());
        Set<String> documented = Files.readAllLines(ROOT.resolve("README.md")).stream()
                .map(ENDPOINT::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1) + " " + normalized(m.group(2)))
                .collect(Collectors.toSet());

        assertThat(documented).hasSizeGreaterThanOrEqualTo(10);
        assertThat(served).containsAll(documented);
    }

    private static String normalized(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
