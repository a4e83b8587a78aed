package org.registry.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id ({@code X-Request-Id}, taken from the caller when it sends a sane one) and a
 * correlation id ({@code X-Correlation-Id}, the caller's, else the request id). Both are echoed, logged, and
 * recorded on every event the request causes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = sane(request.getHeader(REQUEST_ID_HEADER), UUID.randomUUID().toString());
        String correlationId = sane(request.getHeader(CORRELATION_ID_HEADER), requestId);
        request.setAttribute(REQUEST_ID_HEADER, requestId);
        request.setAttribute(CORRELATION_ID_HEADER, correlationId);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        response.setHeader(CORRELATION_ID_HEADER, correlationId);
        MDC.put("requestId", requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }

    public static String requestId(HttpServletRequest request) {
        return (String) request.getAttribute(REQUEST_ID_HEADER);
    }

    public static String correlationId(HttpServletRequest request) {
        return (String) request.getAttribute(CORRELATION_ID_HEADER);
    }

    private static String sane(String value, String fallback) {
        return value != null && SANE.matcher(value).matches() ? value : fallback;
    }
}
