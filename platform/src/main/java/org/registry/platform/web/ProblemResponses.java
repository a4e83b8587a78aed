package org.registry.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a problem where no controller advice runs: in servlet filters, the security entry points, and the servlet
 * container's own error report.
 */
@Component
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        writeTo(request, response, problem);
    }

    static void writeTo(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        logRefusal(request, problem);
        // On the error page's dispatch, the request that failed.
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        instance(failed instanceof String uri ? uri : request.getRequestURI()).ifPresent(problem::setInstance);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), Problems.asMap(problem));
    }

    /**
     * Every problem the API answers is one line of the log: a refusal is no fault of the service, so no stack trace,
     * and not its detail, which may name personal data (a national ID), nor the query string (a name searched for).
     * An unexpected failure (500) is logged where it is caught, with its cause and request id.
     */
    static void logRefusal(HttpServletRequest request, ProblemDetail problem) {
        if (problem.getStatus() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
            return;
        }
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        String line = "Refused {} {}: {} {} (request {})";
        // on the error page, the path of the request that failed
        Object path = Optional.ofNullable(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
                              .orElse(request.getRequestURI());
        Object[] values = {request.getMethod(), path, problem.getStatus(), code,
                Objects.requireNonNullElse(RequestIds.requestId(request), "none")};
        if (problem.getStatus() >= 500) {
            log.warn(line, values);
        } else {
            log.info(line, values);
        }
    }

    /** The path of the request a problem is about, when it is a URI at all (a refused path may not be). */
    static Optional<URI> instance(Object path) {
        try {
            return path instanceof String text ? Optional.of(URI.create(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
