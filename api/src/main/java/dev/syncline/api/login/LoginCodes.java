package dev.syncline.api.login;

import dev.syncline.api.security.Sha256;
import dev.syncline.messages.session.LoginMethod;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time codes that carry a finished login to the frontend: the callback redirects to the frontend with
 * the code in the URL fragment (never sent to a server, never in a Referer), and the frontend exchanges it
 * for the session's tokens. 256 random bits, stored as a SHA-256 hash, valid for a minute, redeemable once.
 */
@Component
class LoginCodes {

    static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final int MAX_CODE_LENGTH = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    /** The login a code stands for. */
    record FinishedLogin(UUID userId, LoginMethod method) {
    }

    LoginCodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String issue(UUID userId, LoginMethod method) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM oidc_login_code WHERE expires_at < :now").param("now", Timestamp.from(now)).update();
        String code = Secrets.random256();
        jdbc.sql("""
                        INSERT INTO oidc_login_code (code_hash, user_id, login_method, created_at, expires_at)
                        VALUES (:hash, :user, :method, :now, :expires)""")
                .param("hash", Sha256.hex(code))
                .param("user", userId)
                .param("method", method.name())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(LIFETIME)))
                .update();
        return code;
    }

    /** Takes the code for good; empty when it is unknown, used or expired. */
    Optional<FinishedLogin> redeem(String code) {
        if (code == null || code.isBlank() || code.length() > MAX_CODE_LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql("DELETE FROM oidc_login_code WHERE code_hash = :hash RETURNING user_id, login_method, expires_at")
                .param("hash", Sha256.hex(code))
                .query((row, number) -> new StoredCode(
                        new FinishedLogin(row.getObject("user_id", UUID.class), LoginMethod.valueOf(row.getString("login_method"))),
                        row.getTimestamp("expires_at").toInstant()))
                .optional()
                .filter(stored -> stored.expiresAt().isAfter(clock.instant()))
                .map(StoredCode::login);
    }

    private record StoredCode(FinishedLogin login, Instant expiresAt) {
    }
}
