package org.registry.platform.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.filters.FailedRequestFilter;
import org.apache.catalina.valves.ErrorReportValve;
import org.registry.kernel.common.RejectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Errors that never reach a controller are problems too, in {@code application/problem+json} like every other
 * error: a path Spring Security's firewall refuses ({@code //}, {@code ;}, encoded slashes), an error a filter or
 * the servlet container answers ({@code /error}), and a request Tomcat refuses before any application code runs (an
 * encoded NUL in the path, a malformed escape). Spring Boot's default error body and Tomcat's HTML page never show.
 * A database that cannot be reached is {@code 503 DATABASE_UNAVAILABLE} here as well.
 */
@Hidden
@RestController
@ConditionalOnWebApplication // a process without a web server (the command-line import) has no error pages
public class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final ErrorAttributes errors;

    ErrorPages(ErrorAttributes errors) {
        this.errors = errors;
    }

    /** The firewall's refusal, answered at once (by default it would go on to the error page as a bare 400). */
    @Bean
    static RequestRejectedHandler problemForRejectedRequests(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(request, response, Problems.of(HttpStatus.BAD_REQUEST,
                "MALFORMED_REQUEST", "the request is refused: " + rejected.getMessage()));
    }

    /**
     * A query string Tomcat cannot parse (a broken escape, {@code %zz}) would lose the parameter silently: Tomcat's
     * own filter refuses such a request instead (400, answered at {@code /error}). Bytes that are no UTF-8 are decoded
     * as {@code U+FFFD}, which no text may hold ({@link Text}).
     */
    @Bean
    static FilterRegistrationBean<FailedRequestFilter> refuseUndecodableParameters() {
        FilterRegistrationBean<FailedRequestFilter> filter = new FilterRegistrationBean<>(new FailedRequestFilter());
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return filter;
    }

    /** Replaces the host's error report (Tomcat's HTML page) with a problem. */
    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemForRequestsTomcatRefuses() {
        return new HostErrorReport();
    }

    /** Ordered last: Spring Boot adds a report valve of its own first, which this one replaces. */
    private static final class HostErrorReport
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                Arrays.stream(host.getPipeline().getValves())
                      .filter(ErrorReportValve.class::isInstance)
                      .forEach(host.getPipeline()::removeValve);
                host.getPipeline().addValve(new ProblemReportValve());
                // so that the host, starting, does not add its own report valve beside this one
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return; // a streamed answer that failed half-way: the client sees it cut short
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Throwable failure = errors.getError(new ServletWebRequest(request));
        ProblemDetail problem;
        if (failure instanceof RejectionException rejection) {
            problem = Problems.of(rejection.rejection());
        } else if (failure != null && DatabaseUnavailable.isCause(failure)) {
            log.warn("Database unavailable, answered 503: {}", DatabaseUnavailable.describe(failure));
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            problem = DatabaseUnavailable.problem();
        } else if (status.is5xxServerError()) {
            // The request id is no longer in the logging context on the error page's dispatch.
            log.error("Unexpected failure of request {} ({} {})", RequestIds.requestId(request), request.getMethod(),
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
            problem = Problems.unexpected();
        } else {
            problem = Problems.of(status, status.name(), "the request is refused: " + status.getReasonPhrase());
        }
        response.resetBuffer();
        ProblemResponses.writeTo(request, response, problem);
    }

    /** Tomcat's error report for what it refuses itself, as a problem. */
    static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean writable = new AtomicBoolean(false);
            response.getCoyoteResponse().action(org.apache.coyote.ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String code = known == null ? "ERROR" : known.name();
            String detail = known == null ? "the request failed" : "the request is refused: " + known.getReasonPhrase();
            try {
                ProblemResponses.writeTo(request, response, Problems.of(known == null ? HttpStatus.BAD_REQUEST : known,
                        code, detail));
            } catch (IOException | RuntimeException e) {
                // the client is gone, or the response cannot be written: nothing more to tell it
            }
        }
    }
}
