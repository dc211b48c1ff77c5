package dev.syncline.api.session;

import dev.syncline.api.identity.IdentityService;
import dev.syncline.api.identity.LoginRequest;
import dev.syncline.api.identity.PasswordChange;
import dev.syncline.api.identity.PasswordChangeRequest;
import dev.syncline.api.identity.TokenResponse;
import dev.syncline.api.identity.UserAccount;
import dev.syncline.api.security.CurrentUser;
import dev.syncline.messages.session.LoginMethod;
import dev.syncline.messages.session.SessionEndReason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The password logins that start a session: logging in, and changing the password (which ends every other session). */
@RestController
@RequestMapping("/api/v1/auth")
public class LoginController {

    private final IdentityService identity;
    private final PasswordChange passwords;
    private final SessionIssuer sessions;
    private final SessionRevoker revoker;

    public LoginController(IdentityService identity, PasswordChange passwords, SessionIssuer sessions, SessionRevoker revoker) {
        this.identity = identity;
        this.passwords = passwords;
        this.sessions = sessions;
        this.revoker = revoker;
    }

    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        UserAccount user = identity.login(request.email(), request.password());
        return noStore(sessions.start(user, LoginMethod.PASSWORD, ClientDescription.of(http)));
    }

    /**
     * Every session of the user ends, this one included (whoever knew the old password may hold one), and the
     * answer is a new session for the client that changed it.
     */
    @PostMapping("/password")
    ResponseEntity<TokenResponse> changePassword(@Valid @RequestBody PasswordChangeRequest request,
                                                 @AuthenticationPrincipal CurrentUser caller, HttpServletRequest http) {
        UserAccount user = passwords.change(caller, request);
        revoker.revokeAll(user.id(), SessionEndReason.PASSWORD_CHANGED);
        return noStore(sessions.start(user, LoginMethod.PASSWORD, ClientDescription.of(http)));
    }

    /** Tokens are never cached, by the browser or anything between (RFC 6749, section 5.1). */
    public static ResponseEntity<TokenResponse> noStore(TokenResponse tokens) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .body(tokens);
    }
}
