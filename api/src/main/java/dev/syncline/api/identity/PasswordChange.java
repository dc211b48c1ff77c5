package dev.syncline.api.identity;

import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.api.security.CurrentUser;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Replaces a user's password after checking the current one and the {@link PasswordPolicy}. Ending the
 * user's sessions is the caller's part ({@code api.session.LoginController}).
 */
@Service
public class PasswordChange {

    private final UserStore users;
    private final PasswordEncoder passwordEncoder;
    private final IdentityService identity;

    public PasswordChange(UserStore users, PasswordEncoder passwordEncoder, IdentityService identity) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.identity = identity;
    }

    /**
     * @throws ApiProblemException {@link ProblemType#INVALID_CREDENTIALS} when the current password is wrong (or the user
     *                             has none because they sign in with Google or Microsoft), {@link ProblemType#VALIDATION_FAILED}
     *                             when the new one breaks the policy
     */
    public UserAccount change(CurrentUser caller, PasswordChangeRequest request) {
        UserAccount user = identity.me(caller);
        if (user.passwordHash() == null || !passwordEncoder.matches(request.currentPassword(), user.passwordHash())) {
            throw new ApiProblemException(ProblemType.INVALID_CREDENTIALS, "The current password is incorrect.");
        }
        PasswordPolicy.check(request.newPassword(), user.email(), user.displayName()).ifPresent(problem -> {
            throw new ApiProblemException(ProblemType.VALIDATION_FAILED, "newPassword " + problem,
                    Map.of("field", "newPassword"));
        });
        users.updatePasswordHash(user.id(), passwordEncoder.encode(request.newPassword()));
        return user;
    }
}
