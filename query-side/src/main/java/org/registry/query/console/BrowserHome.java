package org.registry.query.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * {@code GET /} from a browser (its Accept header names {@code text/html}) goes to the console, which asks it to
 * sign in first; every other client (curl's {@code *}{@code /*}, {@code application/json}) still gets the service
 * index as JSON.
 */
@Component
class BrowserHome extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !"/".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && wantsHtml(accept)) {
            response.sendRedirect("/console");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean wantsHtml(String accept) {
        try {
            return MediaType.parseMediaTypes(accept).stream()
                            .anyMatch(type -> MediaType.TEXT_HTML.equalsTypeAndSubtype(type)
                                    && type.getQualityValue() > 0);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
