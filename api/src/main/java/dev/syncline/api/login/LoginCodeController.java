package dev.syncline.api.login;

import dev.syncline.api.identity.TokenResponse;
import dev.syncline.api.identity.UserAccount;
import dev.syncline.api.identity.UserStore;
import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.api.session.ClientDescription;
import dev.syncline.api.session.LoginController;
import dev.syncline.api.session.SessionIssuer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the frontend turns the login code of a finished OpenID Connect login into the session's tokens. */
@RestController
@RequestMapping("/api/v1/auth")
public class LoginCodeController {

    private final LoginCodes loginCodes;
    private final UserStore users;
    private final SessionIssuer sessions;

    /** The code from the {@code #login_code=} fragment of the post-login redirect. */
    public record LoginCodeRequest(@NotBlank @Size(max = 100) String code) {

        @Override
        public String toString() {
            return "LoginCodeRequest[code=<redacted>]";
        }
    }

    LoginCodeController(LoginCodes loginCodes, UserStore users, SessionIssuer sessions) {
        this.loginCodes = loginCodes;
        this.users = users;
        this.sessions = sessions;
    }

    @PostMapping("/login-code")
    ResponseEntity<TokenResponse> redeem(@Valid @RequestBody LoginCodeRequest request, HttpServletRequest http) {
        LoginCodes.FinishedLogin login = loginCodes.redeem(request.code()).orElseThrow(LoginCodeController::invalidCode);
        UserAccount user = users.findById(login.userId()).orElseThrow(LoginCodeController::invalidCode);
        return LoginController.noStore(sessions.start(user, login.method(), ClientDescription.of(http)));
    }

    private static ApiProblemException invalidCode() {
        return new ApiProblemException(ProblemType.OIDC_LOGIN_FAILED,
                "The login code is unknown, already used or expired. Start the login again.",
                Map.of("reason", LoginFailure.INVALID_LOGIN_CODE));
    }
}
