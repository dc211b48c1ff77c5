package dev.syncline.api.identity;

import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.api.security.CurrentUser;
import dev.syncline.api.security.SecurityProperties;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Registration, password login and the caller's own profile. */
@Service
public class IdentityService {

    private static final Logger log = LoggerFactory.getLogger(IdentityService.class);
    private static final String INVALID_CREDENTIALS = "The email or password is incorrect.";

    private final UserStore users;
    private final PasswordEncoder passwordEncoder;
    private final RegistrationRoles registrationRoles;
    private final FailedLoginThrottle failedLogins;
    /** Compared against when the email is unknown, so that an unknown email costs as much time as a wrong password. */
    private final String dummyHash;

    public IdentityService(UserStore users, PasswordEncoder passwordEncoder, SecurityProperties properties,
                           FailedLoginThrottle failedLogins) {
        this.users = users;
        this.failedLogins = failedLogins;
        this.passwordEncoder = passwordEncoder;
        this.registrationRoles = new RegistrationRoles(properties.normalizedAdminEmails());
        this.dummyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /**
     * Creates a workspace for the person, named after them, and the person as its user: role USER,
     * plus ADMIN when the email is listed in {@code syncline.security.admin-emails}.
     *
     * @throws ApiProblemException {@link ProblemType#EMAIL_TAKEN} when the email is registered already
     */
    public UserAccount register(RegisterRequest request) {
        String email = UserStore.normalizeEmail(request.email());
        List<String> roles = registrationRoles.rolesFor(email);
        String workspaceName = request.displayName() != null ? request.displayName() : email;
        String hash = passwordEncoder.encode(request.password());
        try {
            UserAccount user = users.createWithWorkspace(workspaceName, email, request.displayName(), hash, roles);
            log.info("Registered user {} in new workspace {} with roles {}", user.id(), user.workspaceId(), user.roles());
            return user;
        } catch (DuplicateKeyException e) {
            throw new ApiProblemException(ProblemType.EMAIL_TAKEN, "An account with this email address exists already.");
        }
    }

    /**
     * Checks the password and answers whose it is. A wrong password, an unknown email and a user without
     * password (one who signs in with Google or Microsoft only) fail alike, in the same time and with the same
     * problem, and count alike towards the email's {@link FailedLoginThrottle lock}.
     *
     * @throws ApiProblemException {@link ProblemType#INVALID_CREDENTIALS}, or {@link ProblemType#RATE_LIMITED}
     *                             while the email is locked after repeated failures
     */
    public UserAccount login(String email, String password) {
        failedLogins.checkNotLocked(email);
        Optional<UserAccount> user = users.findByEmail(email);
        // Empty for an unknown email and for a null hash alike: both cost one comparison with the dummy hash and fail.
        Optional<String> storedHash = user.map(UserAccount::passwordHash);
        boolean matches = passwordEncoder.matches(password, storedHash.orElse(dummyHash)) && storedHash.isPresent();
        if (user.isEmpty() || !matches) {
            failedLogins.recordFailure(email);
            log.info("Failed login{}", user.map(u -> " for user " + u.id()).orElse(" for an unknown email"));
            throw new ApiProblemException(ProblemType.INVALID_CREDENTIALS, INVALID_CREDENTIALS);
        }
        failedLogins.recordSuccess(email);
        return user.get();
    }

    /**
     * The caller's own user record.
     *
     * @throws ApiProblemException {@link ProblemType#UNAUTHORIZED} when the token names a user who no longer exists
     */
    public UserAccount me(CurrentUser caller) {
        return users.findById(caller.userId())
                .filter(user -> user.workspaceId().equals(caller.workspaceId()))
                .orElseThrow(() -> new ApiProblemException(ProblemType.UNAUTHORIZED,
                        "The access token names a user who does not exist."));
    }
}
