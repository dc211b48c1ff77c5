package dev.syncline.api.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown by any controller or service to answer with a problem detail of the given type, e.g.
 * {@code throw new ApiProblemException(ProblemType.NOT_FOUND, "No account " + id + " in this workspace.")}.
 *
 * <p>The detail is shown to the client as it is: words for a person, never a secret, a token, a
 * password, SQL or a stack trace. Extra properties (RFC 9457 extension members) are optional.
 */
public class ApiProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient Map<String, Object> properties;

    public ApiProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of(), null);
    }

    public ApiProblemException(ProblemType type, String detail, Map<String, Object> properties) {
        this(type, detail, properties, null);
    }

    public ApiProblemException(ProblemType type, String detail, Map<String, Object> properties, Throwable cause) {
        super(detail, cause);
        if (type == null) {
            throw new IllegalArgumentException("A problem needs a type");
        }
        this.type = type;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties == null ? Map.of() : properties));
    }

    public ProblemType type() {
        return type;
    }

    /** The detail for the client, same as {@link #getMessage()}. */
    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
