package org.registry.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

import java.io.IOException;

/**
 * The error page, in place of Spring Boot's: what fails where no controller advice runs (a servlet filter, the
 * security filters, a streamed answer, the server refusing a request) is answered problem+json with a {@code code}
 * too, never Spring's default error body. A database that cannot be reached is {@code 503 DATABASE_UNAVAILABLE}
 * here as well.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ErrorAttributes errors;
    private final ProblemResponses problems;

    ProblemErrorController(ErrorAttributes errors, ProblemResponses problems) {
        this.errors = errors;
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return; // a streamed answer that failed half-way: the client sees it cut short
        }
        Throwable failure = errors.getError(new ServletWebRequest(request));
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem;
        if (failure != null && DatabaseUnavailable.isCause(failure)) {
            log.warn("Database unavailable, answered 503: {}", DatabaseUnavailable.describe(failure));
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            problem = DatabaseUnavailable.problem();
        } else if (status.is5xxServerError()) {
            // The request id is no longer in the logging context on the error page's dispatch.
            log.error("Unexpected failure of {} (request {})", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    RequestIds.requestId(request), failure);
            problem = Problems.of(status, status == HttpStatus.INTERNAL_SERVER_ERROR ? "INTERNAL_ERROR" : status.name(),
                    "the request failed unexpectedly; the request id in the X-Request-Id header identifies it in the "
                            + "logs");
        } else {
            Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
            problem = Problems.of(status, status.name(), message instanceof String text && !text.isBlank()
                    ? text : status.getReasonPhrase());
        }
        response.resetBuffer();
        problems.write(request, response, problem);
    }
}
