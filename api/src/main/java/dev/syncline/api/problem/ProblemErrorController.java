package dev.syncline.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error page ({@code /error}) with a problem detail too, so that an
 * error raised outside Spring MVC (in a filter, or by {@code sendError}) looks like every other error.
 * Replaces Boot's {@code BasicErrorController}, whose body is not RFC 9457.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        Object failedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failedPath instanceof String uri ? uri : request.getRequestURI();
        ProblemType type = ProblemType.forStatus(status);
        String detail;
        if (status >= 500) {
            if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
                log.error("Unexpected error on {}", path, failure);
            }
            detail = "An unexpected error occurred. It has been logged; please try again later.";
        } else if (status == 404) {
            detail = "There is nothing at this path.";
        } else {
            detail = type.title() + ".";
        }
        ProblemDetail problem = Problems.of(type, detail, path);
        problem.setStatus(status);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        if (status == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, ProblemDetailsAdvice.BEARER_CHALLENGE);
        }
        return answer.body(problem);
    }
}
