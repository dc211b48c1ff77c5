package dev.syncline.api.login;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Binds a login to the browser that started it (login CSRF, RFC 9700 section 4.7): a random key in an HttpOnly,
 * SameSite=Lax cookie whose hash is stored with the authorization request. A callback that presents the state
 * without that browser's cookie does not complete, so nobody can finish their own login in someone else's
 * browser. Lax still sends the cookie on the provider's top-level redirect back to the callback.
 */
final class BrowserBinding {

    static final String COOKIE_NAME = "syncline_login";
    /** Both the login start (which reuses the key) and the callback (which checks it) are under this path. */
    static final String COOKIE_PATH = "/api/v1/auth";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Duration lifetime;

    BrowserBinding(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /**
     * The browser's key, set as a cookie. A browser that has one keeps it, so two logins started in two tabs
     * can both finish; the cookie only ever proves "the same browser", never who the user is.
     */
    String bind(HttpServletRequest request, HttpServletResponse response) {
        String key = presentedKey(request).orElseGet(Secrets::random256);
        ResponseCookie cookie = ResponseCookie.from(COOKIE_NAME, key)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path(COOKIE_PATH)
                .maxAge(lifetime)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
        return key;
    }

    Optional<String> presentedKey(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(cookie -> COOKIE_NAME.equals(cookie.getName()))
                .map(Cookie::getValue)
                .filter(value -> value != null && WELL_FORMED.matcher(value).matches())
                .findFirst();
    }
}
