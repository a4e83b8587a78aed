package org.registry.query.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.eventhandling.TrackingToken;
import org.registry.kernel.common.RejectionException;
import org.registry.platform.processing.ProcessorMonitor;
import org.registry.platform.processing.ProcessorPositions;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a read reflects, for the endpoints that answer from projections ({@link ReadsFrom}):
 * <ul>
 *   <li>every answer carries {@code X-Projection-Position}, the position up to which all those projections had
 *       handled the store when the read began (the answer reflects at least that), and, when one of them is stalled
 *       ({@link ProcessorMonitor}), {@code X-Projection-Stalled} with their names: the answer may be incomplete;</li>
 *   <li>{@code X-Min-Event-Position: n} waits, a bounded time, until they have handled event {@code n}, so a client
 *       reads its own writes. When the bound passes first, the answer is {@code 503 POSITION_NOT_YET_VISIBLE}; when
 *       one of them is stalled, {@code 503 PROJECTION_STALLED} at once. Both with {@code Retry-After}, never stale
 *       data presented as current.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadYourWrites.Settings.class)
public record ReadYourWrites(ProcessorPositions positions, ProcessorMonitor monitor, ProblemResponses problems,
                             Settings settings) implements WebMvcConfigurer {

    public static final String MIN_EVENT_POSITION = "X-Min-Event-Position";
    public static final String PROJECTION_POSITION = "X-Projection-Position";
    public static final String PROJECTION_STALLED = "X-Projection-Stalled";

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
                if (!(handler instanceof HandlerMethod method)) {
                    return true;
                }
                String header = request.getHeader(MIN_EVENT_POSITION);
                // refused even where the read waits for nothing: a malformed header is garbage on any read
                Long position = header == null ? null : parse(header);
                ReadsFrom readsFrom = method.getMethodAnnotation(ReadsFrom.class);
                if (readsFrom == null) {
                    readsFrom = method.getBeanType().getAnnotation(ReadsFrom.class);
                }
                if (readsFrom == null) {
                    return true;
                }
                Wait wait = position == null ? Wait.REACHED : await(position, readsFrom.value());
                List<String> stalled = stalled(readsFrom.value());
                if (wait == Wait.REACHED) {
                    response.setHeader(PROJECTION_POSITION, Long.toString(position(readsFrom.value())));
                    if (!stalled.isEmpty()) {
                        response.setHeader(PROJECTION_STALLED, String.join(",", stalled));
                    }
                    return true;
                }
                if (wait == Wait.STALLED) {
                    response.setHeader(PROJECTION_STALLED, String.join(",", stalled));
                    response.setHeader("Retry-After", Long.toString(Math.max(1, settings.maxWait().toSeconds())));
                    problems.write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "PROJECTION_STALLED",
                            "the read side has not reached event position " + header + " and cannot for now: "
                                    + String.join(", ", stalled) + (stalled.size() == 1 ? " is" : " are")
                                    + " stalled (see /actuator/health); retry later"));
                    return false;
                }
                response.setHeader("Retry-After", "1");
                problems.write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "POSITION_NOT_YET_VISIBLE",
                        "the read side has not yet reached event position " + header + " after "
                                + settings.maxWait().toMillis() + " ms; retry shortly"));
                return false;
            }
        });
    }

    public enum Wait { REACHED, STALLED, TIMED_OUT }

    /** Waits until every one of the projections has handled {@code position}, or one that has not is stalled. */
    public Wait await(long position, String... projections) throws InterruptedException {
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        while (true) {
            boolean reached = true;
            for (String projection : projections) {
                if (!positions.reached(projection, position)) {
                    if (monitor.condition(projection).filter(ProcessorMonitor.Condition::stalled).isPresent()) {
                        return Wait.STALLED;
                    }
                    reached = false;
                }
            }
            if (reached) {
                return Wait.REACHED;
            }
            if (System.nanoTime() > deadline) {
                return Wait.TIMED_OUT;
            }
            Thread.sleep(settings.pollInterval().toMillis());
        }
    }

    /** The position every one of the projections has reached. */
    private long position(String... projections) {
        Map<String, List<TrackingToken>> tokens = positions.tokens();
        return Arrays.stream(projections).mapToLong(projection -> positions.position(projection,
                tokens.get(projection))).min().orElse(0);
    }

    private List<String> stalled(String... projections) {
        return Arrays.stream(projections)
                     .filter(projection -> monitor.condition(projection).filter(ProcessorMonitor.Condition::stalled)
                                                  .isPresent())
                     .toList();
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
