package dev.syncline.api.identity;

import dev.syncline.api.security.CurrentUser;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registration and "who am I"; the logins that start a session are in {@code api.session}. */
@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {

    static final String ME = "/api/v1/auth/me";

    private final IdentityService identity;

    public AuthController(IdentityService identity) {
        this.identity = identity;
    }

    @PostMapping("/register")
    ResponseEntity<UserView> register(@Valid @RequestBody RegisterRequest request) {
        UserAccount user = identity.register(request);
        return ResponseEntity.created(URI.create(ME)).body(UserView.of(user));
    }

    @GetMapping("/me")
    UserView me(@AuthenticationPrincipal CurrentUser caller) {
        return UserView.of(identity.me(caller));
    }
}
