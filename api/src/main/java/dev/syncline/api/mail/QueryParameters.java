package dev.syncline.api.mail;

import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.api.problem.Problems;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the query parameters of a GET request and collects what is wrong with each, so that one 400
 * problem ({@code validation-failed}) names every bad parameter in its detail and in {@code errors}. A
 * parameter that is absent or blank counts as not given. Messages never quote the rejected value.
 */
public final class QueryParameters {

    private final List<Problems.FieldProblem> errors = new ArrayList<>();

    /** An ISO-8601 instant such as {@code 2026-03-01T10:00:00Z} (an offset instead of Z is fine), or null. */
    public Instant instant(String name, String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            reject(name, "must be an ISO-8601 instant such as 2026-03-01T10:00:00Z");
            return null;
        }
    }

    public Instant requiredInstant(String name, String value) {
        if (isBlank(value)) {
            reject(name, "is required: an ISO-8601 instant such as 2026-03-01T10:00:00Z");
            return null;
        }
        return instant(name, value);
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when not given. */
    public int integer(String name, String value, int min, int max, int fallback) {
        if (isBlank(value)) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Answered below, the same as a number out of range.
        }
        reject(name, "must be a whole number from " + min + " to " + max);
        return fallback;
    }

    /** {@code true} or {@code false} in any case, or null. */
    public Boolean bool(String name, String value) {
        if (isBlank(value)) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                reject(name, "must be true or false");
                yield null;
            }
        };
    }

    /** The text without surrounding blanks, at most {@code maxLength} characters, or null. */
    public String text(String name, String value, int maxLength) {
        if (isBlank(value)) {
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            reject(name, "must be at most " + maxLength + " characters long");
            return null;
        }
        return text;
    }

    public void reject(String name, String message) {
        errors.add(new Problems.FieldProblem(name, message));
    }

    /** Throws the 400 problem naming every rejected parameter, if any was. */
    public void throwIfInvalid() {
        if (errors.isEmpty()) {
            return;
        }
        String detail = errors.size() == 1
                ? "The parameter '" + errors.get(0).field() + "' " + errors.get(0).message() + "."
                : "The parameters " + errors.stream().map(error -> "'" + error.field() + "'").distinct()
                        .collect(Collectors.joining(", ")) + " are invalid.";
        throw new ApiProblemException(ProblemType.VALIDATION_FAILED, detail, Map.of(Problems.ERRORS, List.copyOf(errors)));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
