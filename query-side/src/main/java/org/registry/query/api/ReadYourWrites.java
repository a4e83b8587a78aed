package org.registry.query.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.registry.kernel.common.RejectionException;
import org.registry.platform.web.ProblemResponses;
import org.registry.platform.web.Problems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * {@code X-Min-Event-Position: n} on a read: wait, a bounded time, until the projections the endpoint reads
 * from ({@link ReadsFrom}) have handled event {@code n}, so a client reads its own writes. When the bound
 * passes first, the answer is {@code 503 POSITION_NOT_YET_VISIBLE} with {@code Retry-After}, never stale data
 * presented as current.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadYourWrites.Settings.class)
public class ReadYourWrites implements WebMvcConfigurer {

    public static final String MIN_EVENT_POSITION = "X-Min-Event-Position";

    private final ProjectionPositions positions;
    private final ProblemResponses problems;
    private final Settings settings;

    ReadYourWrites(ProjectionPositions positions, ProblemResponses problems, Settings settings) {
        this.positions = positions;
        this.problems = problems;
        this.settings = settings;
    }

    /**
     * {@code registry.read-your-writes.*}
     *
     * @param maxWait      the longest a read waits for its projections
     * @param pollInterval how often it looks again
     */
    @ConfigurationProperties("registry.read-your-writes")
    public record Settings(@DefaultValue("5s") Duration maxWait, @DefaultValue("20ms") Duration pollInterval) {
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws Exception {
                String header = request.getHeader(MIN_EVENT_POSITION);
                if (header == null || !(handler instanceof HandlerMethod method)) {
                    return true;
                }
                // refused even where the read waits for nothing: a malformed header is garbage on any read
                long position = parse(header);
                ReadsFrom readsFrom = method.getMethodAnnotation(ReadsFrom.class);
                if (readsFrom == null) {
                    readsFrom = method.getBeanType().getAnnotation(ReadsFrom.class);
                }
                if (readsFrom == null) {
                    return true;
                }
                if (await(position, readsFrom.value())) {
                    return true;
                }
                response.setHeader("Retry-After", "1");
                problems.write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "POSITION_NOT_YET_VISIBLE",
                        "the read side has not yet reached event position " + header + " after "
                                + settings.maxWait().toMillis() + " ms; retry shortly"));
                return false;
            }
        }).addPathPatterns("/api/**");
    }

    boolean await(long position, String... projections) throws InterruptedException {
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        while (true) {
            boolean reached = true;
            for (String projection : projections) {
                reached &= positions.reached(projection, position);
            }
            if (reached) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(settings.pollInterval().toMillis());
        }
    }

    private static long parse(String header) {
        try {
            long position = Long.parseLong(header.strip());
            if (position < 0) {
                throw new NumberFormatException(header);
            }
            return position;
        } catch (NumberFormatException e) {
            throw RejectionException.invalid(MIN_EVENT_POSITION, "VALIDATION_FAILED",
                    MIN_EVENT_POSITION + " takes an event position, a whole number >= 0; got " + header);
        }
    }
}
