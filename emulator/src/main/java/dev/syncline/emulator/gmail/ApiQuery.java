package dev.syncline.emulator.gmail;

import dev.syncline.emulator.http.FormData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query parameters of one Gmail call, keeping every value of a repeated parameter
 * ({@code labelIds=INBOX&labelIds=UNREAD}), which the Gmail SDK sends for list-valued options.
 */
final class ApiQuery {

    private final Map<String, List<String>> values;

    private ApiQuery(Map<String, List<String>> values) {
        this.values = values;
    }

    static ApiQuery parse(String rawQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = FormData.decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : FormData.decode(pair.substring(eq + 1));
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return new ApiQuery(values);
    }

    /** From the shared router's single-valued query map: a repeated parameter keeps its first value. */
    static ApiQuery of(Map<String, String> single) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        single.forEach((name, value) -> values.put(name, List.of(value)));
        return new ApiQuery(values);
    }

    Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** Every value, also splitting comma-separated ones as Google's front end accepts them. */
    List<String> all(String name) {
        List<String> result = new ArrayList<>();
        for (String value : values.getOrDefault(name, List.of())) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    result.add(item.trim());
                }
            }
        }
        return result;
    }

    /**
     * An integer parameter; absent gives the default, a value beyond the maximum is clamped as Gmail does.
     *
     * @throws GmailApiException 400 when the value is not a positive number
     */
    int boundedInt(String name, int defaultValue, int max) {
        Optional<String> text = first(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get().trim());
            if (value < 1) {
                throw GmailApiException.invalidArgument("Invalid value for " + name + ": " + value);
            }
            return Math.min(value, max);
        } catch (NumberFormatException e) {
            throw GmailApiException.invalidArgument("Invalid value for " + name);
        }
    }
}
