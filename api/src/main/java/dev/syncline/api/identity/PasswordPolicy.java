package dev.syncline.api.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * What a new password must be, after NIST SP 800-63B: long enough (12 to 128 characters, counted as
 * Unicode code points, every character allowed), no composition rules, but not something an attacker
 * tries first: one character repeated, a plain run like {@code abcdefghijkl}, or the person's own email.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** What is wrong with the password, in words that never repeat it; empty when it is acceptable. */
    public static Optional<String> check(String password, String email, String displayName) {
        if (password == null) {
            return Optional.empty();
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters long");
        }
        if (isRun(password)) {
            return Optional.of("must not be one repeated character or a simple sequence");
        }
        if (matchesPersonalData(password, email, displayName)) {
            return Optional.of("must not be your email address or name");
        }
        return Optional.empty();
    }

    /** Every step between neighbouring characters the same and at most one: "aaaa…", "1234…", "zyxw…". */
    private static boolean isRun(String password) {
        int[] codePoints = password.codePoints().toArray();
        int step = codePoints[1] - codePoints[0];
        if (Math.abs(step) > 1) {
            return false;
        }
        for (int i = 2; i < codePoints.length; i++) {
            if (codePoints[i] - codePoints[i - 1] != step) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesPersonalData(String password, String email, String displayName) {
        String candidate = password.strip().toLowerCase(Locale.ROOT);
        if (email != null && !email.isBlank()) {
            String normalized = email.strip().toLowerCase(Locale.ROOT);
            int at = normalized.indexOf('@');
            if (candidate.equals(normalized) || (at > 0 && candidate.equals(normalized.substring(0, at)))) {
                return true;
            }
        }
        return displayName != null && candidate.equals(displayName.strip().toLowerCase(Locale.ROOT));
    }
}
