package dev.syncline.api.problem;

import dev.syncline.api.ratelimit.RateLimitExceededException;
import dev.syncline.api.security.InvalidAccessTokenException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error of the web layer into an RFC 9457 problem detail with a stable {@code type}
 * (see {@link ProblemType}). Details are words for the client and never echo a submitted value, an
 * exception message from below the web layer or a stack trace; unexpected exceptions are logged here
 * and answered with a generic internal error.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** The challenge of RFC 6750 for a request without (usable) credentials. */
    public static final String BEARER_CHALLENGE = "Bearer";
    /** The challenge of RFC 6750 for a request whose token was sent but rejected. */
    public static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<Object> handleApiProblem(ApiProblemException ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(ex.type(), ex.detail(), request.getRequestURI());
        ex.properties().forEach(problem::setProperty);
        if (ex.type().status().is5xxServerError()) {
            log.warn("{} {} answered {}", request.getMethod(), request.getRequestURI(), ex.type().slug());
        }
        return respond(problem, ex.type().status().value() == 401 ? BEARER_CHALLENGE : null);
    }

    @ExceptionHandler(RateLimitExceededException.class)
    ResponseEntity<Object> handleRateLimited(RateLimitExceededException ex, HttpServletRequest request) {
        return ResponseEntity.status(ex.type().status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
                .body(Problems.of(ex.type(), ex.detail(), request.getRequestURI()));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleAuthentication(AuthenticationException ex, HttpServletRequest request) {
        boolean rejectedToken = ex instanceof InvalidAccessTokenException;
        String detail = rejectedToken
                ? "The access token is invalid or has expired."
                : "Authentication is required: send an access token as 'Authorization: Bearer <token>'.";
        return respond(Problems.of(ProblemType.UNAUTHORIZED, detail, request.getRequestURI()),
                rejectedToken ? INVALID_TOKEN_CHALLENGE : BEARER_CHALLENGE);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, HttpServletRequest request) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
            return respond(Problems.of(ProblemType.UNAUTHORIZED,
                    "Authentication is required: send an access token as 'Authorization: Bearer <token>'.",
                    request.getRequestURI()), BEARER_CHALLENGE);
        }
        return respond(Problems.of(ProblemType.FORBIDDEN, "You are not allowed to do this.", request.getRequestURI()), null);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> handleDuplicateKey(DuplicateKeyException ex, HttpServletRequest request) {
        log.info("{} {} hit a unique constraint: {}", request.getMethod(), request.getRequestURI(), ex.getClass().getSimpleName());
        return respond(Problems.of(ProblemType.CONFLICT, "The resource already exists.", request.getRequestURI()), null);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleOptimisticLocking(OptimisticLockingFailureException ex, HttpServletRequest request) {
        return respond(Problems.of(ProblemType.CONFLICT,
                "The resource was changed by another request; fetch it again and retry.", request.getRequestURI()), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return respond(Problems.of(ProblemType.INTERNAL_ERROR,
                "An unexpected error occurred. It has been logged; please try again later.", request.getRequestURI()), null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Problems.FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getAllErrors().forEach(error -> errors.add(fieldProblem(error, null)));
        return validationFailed(errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String parameter = result.getMethodParameter().getParameterName();
            if (result instanceof ParameterErrors parameterErrors) {
                parameterErrors.getAllErrors().forEach(error -> errors.add(fieldProblem(error, parameter)));
            } else {
                result.getResolvableErrors().forEach(error ->
                        errors.add(new Problems.FieldProblem(parameter, messageOf(error.getDefaultMessage()))));
            }
        }
        return validationFailed(errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "request" : ex.getPropertyName();
        return validationFailed(List.of(new Problems.FieldProblem(field, "has an invalid format")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // The parser's message can quote the body (a password, say), so it stays out of the answer and the log.
        ProblemDetail problem = Problems.of(ProblemType.MALFORMED_REQUEST,
                "The request body is missing or is not JSON of the expected shape.", path(request));
        return new ResponseEntity<>(problem, headers, problem.getStatus());
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.NOT_FOUND, "There is nothing at this path.", path(request));
        return new ResponseEntity<>(problem, headers, problem.getStatus());
    }

    /** Every other exception Spring MVC knows: keep its status and (safe, framework-written) detail, give it our type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemType type = ProblemType.forStatus(statusCode.value());
        String detail = body instanceof ProblemDetail given && given.getDetail() != null && !statusCode.is5xxServerError()
                ? given.getDetail()
                : null;
        if (statusCode.is5xxServerError()) {
            log.error("Error on {}", path(request), ex);
            detail = "An unexpected error occurred. It has been logged; please try again later.";
        }
        ProblemDetail problem = Problems.of(type, detail == null ? type.title() + "." : detail, path(request));
        problem.setStatus(statusCode.value());
        if (body instanceof ProblemDetail given && given.getProperties() != null) {
            given.getProperties().forEach(problem::setProperty);
        }
        return new ResponseEntity<>(problem, headers, statusCode);
    }

    private ResponseEntity<Object> validationFailed(List<Problems.FieldProblem> errors, HttpHeaders headers, WebRequest request) {
        List<Problems.FieldProblem> sorted = errors.stream()
                .distinct()
                .sorted(Comparator.comparing(Problems.FieldProblem::field).thenComparing(Problems.FieldProblem::message))
                .toList();
        ProblemDetail problem = Problems.validationFailed(sorted, path(request));
        return new ResponseEntity<>(problem, headers, problem.getStatus());
    }

    private static Problems.FieldProblem fieldProblem(ObjectError error, String fallbackField) {
        if (error instanceof FieldError fieldError) {
            // A binding failure's default message quotes the rejected value; say only that it is wrong.
            String message = fieldError.isBindingFailure() ? "has an invalid value" : messageOf(fieldError.getDefaultMessage());
            return new Problems.FieldProblem(fieldError.getField(), message);
        }
        return new Problems.FieldProblem(fallbackField == null ? error.getObjectName() : fallbackField,
                messageOf(error.getDefaultMessage()));
    }

    private static String messageOf(String message) {
        return message == null || message.isBlank() ? "is invalid" : message;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem, String challenge) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus());
        if (challenge != null) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return builder.body(problem);
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }
}
