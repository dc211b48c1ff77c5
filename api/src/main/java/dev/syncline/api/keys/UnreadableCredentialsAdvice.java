package dev.syncline.api.keys;

import dev.syncline.api.problem.ProblemType;
import dev.syncline.api.problem.Problems;
import dev.syncline.command.vault.UnknownKeyException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request that touches an account whose data key is wrapped with a retired key-encryption key answers
 * a problem detail that says so, instead of a generic internal error: the operator can fix it by putting
 * the version back into the key ring. The exception's message names key ids only; it is logged, and the
 * client gets words of its own.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UnreadableCredentialsAdvice {

    private static final Logger log = LoggerFactory.getLogger(UnreadableCredentialsAdvice.class);

    @ExceptionHandler(UnknownKeyException.class)
    ResponseEntity<ProblemDetail> handleUnknownKey(UnknownKeyException ex, HttpServletRequest request) {
        log.error("{} {} touched a data key on a retired key-encryption key version: {}", request.getMethod(),
                request.getRequestURI(), ex.getMessage());
        ProblemDetail problem = Problems.of(ProblemType.CREDENTIALS_UNREADABLE,
                "This account's stored credentials are encrypted with a key version this server no longer holds, so"
                        + " nothing was changed. An administrator must restore that version of the key ring.",
                request.getRequestURI());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
