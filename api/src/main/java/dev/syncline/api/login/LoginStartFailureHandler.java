package dev.syncline.api.login;

import dev.syncline.api.problem.ApiProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Answers a login start that cannot go to the provider (unknown provider, redirect target not allowed) with
 * its problem detail; Spring's default is a bare 500. Anything unexpected goes to the same resolvers, which
 * log it and answer a generic internal error.
 */
final class LoginStartFailureHandler implements AuthenticationFailureHandler {

    private final ProblemResponder problems;

    LoginStartFailureHandler(ProblemResponder problems) {
        this.problems = problems;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        // The redirect filter wraps whatever the resolver threw.
        Throwable cause = exception.getCause();
        Exception problem = cause instanceof ApiProblemException apiProblem ? apiProblem
                : cause instanceof Exception other ? other : exception;
        problems.respond(request, response, problem);
    }
}
