package org.registry.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.Require;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Query parameters and content types as strictly as {@link StrictJson} takes bodies. Spring converts a parameter
 * leniently, and when its conversion fails it tries again more leniently still ({@code ?kind= FLOATING},
 * {@code ?kind=org.registry...HouseholdKind.FLOATING}, {@code ?page=0x1}, {@code ?on=yes}); so each parameter's text is
 * checked against its one form before Spring sees it: an enumeration by its exact name, a whole number as digits, a
 * boolean as {@code true} or {@code false}, a date as {@code YYYY-MM-DD} and a month as {@code YYYY-MM}, from
 * {@link Require#EARLIEST_DATE} to {@link #LATEST_DATE}; each given once, and not empty. A body is JSON, said so by a
 * {@code Content-Type} of JSON in UTF-8, or the request is refused with 415; a caller that accepts no JSON answer is
 * refused with 406 before anything is done.
 */
@Configuration(proxyBeanMethods = false)
public class StrictParameters implements WebMvcConfigurer {

    /** The last day a question to the register may name (a period, an instant it is read as of). */
    public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);
    private static final String API = "/api/**";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,19}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // before any other (a read waiting for its position), so that garbage is refused at once
        registry.addInterceptor(new ExactParameters()).addPathPatterns(API).order(Ordered.HIGHEST_PRECEDENCE);
        registry.addInterceptor(new JsonOnly()).addPathPatterns(API).order(Ordered.HIGHEST_PRECEDENCE);
    }

    /**
     * A date of a question to the register, for parameters read by hand: {@code YYYY-MM-DD}, from
     * {@link Require#EARLIEST_DATE} to {@link #LATEST_DATE}.
     */
    public static LocalDate date(String text, String field) {
        return orRefuse(parseDate(text), field);
    }

    /** A month of a question to the register, {@code YYYY-MM}, within the years of {@link #date}. */
    public static YearMonth month(String text, String field) {
        return orRefuse(parseMonth(text), field);
    }

    /** A day a question to the register names, however it was written: within the years of {@link #date}. */
    public static LocalDate inRange(LocalDate date, String field) {
        return orRefuse(range(date), field);
    }

    /** A value, or why it is refused. */
    private record Parsed<T>(T value, String problem) {

        static <T> Parsed<T> refused(String problem) {
            return new Parsed<>(null, problem);
        }
    }

    private static <T> T orRefuse(Parsed<T> parsed, String field) {
        if (parsed.problem() != null) {
            throw RejectionException.invalid(field, "VALIDATION_FAILED", field + " " + parsed.problem());
        }
        return parsed.value();
    }

    private static Parsed<LocalDate> parseDate(String text) {
        if (text != null && DATE.matcher(text).matches()) {
            try {
                return range(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                // the form of a date, but no such day
            }
        }
        return Parsed.refused("'" + text + "' is not a date (YYYY-MM-DD)");
    }

    private static Parsed<YearMonth> parseMonth(String text) {
        if (text != null && MONTH.matcher(text).matches()) {
            try {
                YearMonth month = YearMonth.parse(text);
                Parsed<LocalDate> first = range(month.atDay(1));
                return first.problem() == null ? new Parsed<>(month, null) : Parsed.refused(first.problem());
            } catch (DateTimeParseException e) {
                // the form of a month, but no such month
            }
        }
        return Parsed.refused("'" + text + "' is not a month (YYYY-MM)");
    }

    private static Parsed<LocalDate> range(LocalDate date) {
        return date.isBefore(Require.EARLIEST_DATE) || date.isAfter(LATEST_DATE)
                ? Parsed.refused(date + " lies outside " + Require.EARLIEST_DATE + " to " + LATEST_DATE)
                : new Parsed<>(date, null);
    }

    /** What is wrong with a parameter's text for its type, or null. */
    private static String problem(Class<?> type, String text) {
        if (text.isBlank()) {
            return "is empty; leave the parameter out instead";
        }
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).anyMatch(constant -> ((Enum<?>) constant).name().equals(text))
                    ? null : "'" + text + "' is not one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return WHOLE_NUMBER.matcher(text).matches() ? null : "'" + text + "' is not a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return text.equals("true") || text.equals("false") ? null : "'" + text + "' is not true or false";
        }
        if (type == LocalDate.class) {
            return parseDate(text).problem();
        }
        if (type == YearMonth.class) {
            return parseMonth(text).problem();
        }
        return null;
    }

    /**
     * Checks the text of each {@code @RequestParam} of the handler against its type's one form. Which parameters a
     * handler has, and their types, are read once per handler, not at every request.
     */
    private static final class ExactParameters implements HandlerInterceptor {

        /** A query parameter of a handler: its name and the type it is converted to. */
        private record Parameter(String name, Class<?> type) {
        }

        private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
        private final Map<Method, List<Parameter>> parameters = new ConcurrentHashMap<>();

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(handler instanceof HandlerMethod method)) {
                return true;
            }
            for (Parameter parameter : parameters.computeIfAbsent(method.getMethod(), key -> parametersOf(method))) {
                String[] values = request.getParameterValues(parameter.name());
                if (values == null) {
                    continue;
                }
                String problem = values.length > 1 ? "is given " + values.length + " times"
                        : problem(parameter.type(), values[0]);
                if (problem != null) {
                    throw RejectionException.invalid(parameter.name(), "VALIDATION_FAILED",
                            parameter.name() + " " + problem);
                }
            }
            return true;
        }

        private List<Parameter> parametersOf(HandlerMethod method) {
            List<Parameter> found = new ArrayList<>();
            for (MethodParameter declared : method.getMethodParameters()) {
                RequestParam annotation = declared.getParameterAnnotation(RequestParam.class);
                if (annotation == null) {
                    continue;
                }
                MethodParameter parameter = new MethodParameter(declared);
                parameter.initParameterNameDiscovery(names);
                String name = !annotation.name().isEmpty() ? annotation.name()
                        : !annotation.value().isEmpty() ? annotation.value() : parameter.getParameterName();
                if (name != null) {
                    found.add(new Parameter(name, parameter.getNestedParameterType()));
                }
            }
            return List.copyOf(found);
        }
    }

    /**
     * The media types of the API: JSON in UTF-8 in, JSON (or newline-delimited JSON, the export) out. Spring reads a
     * body by its {@code Content-Type}, and fails with a 500 on one it cannot even represent ({@code *}{@code /*});
     * it negotiates the answer's type by {@code Accept} only once the handler has run, so a command sent with
     * {@code Accept: application/xml} would be recorded and then answered 406. Both are settled before the handler.
     */
    private static final class JsonOnly implements HandlerInterceptor {

        private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);
        private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON,
                MediaType.APPLICATION_PROBLEM_JSON, MediaType.APPLICATION_NDJSON);

        /** What a handler answers with and whether it reads a body: read once per handler, not at every request. */
        private record Contract(List<MediaType> answers, boolean readsBody) {
        }

        private final Map<Method, Contract> contracts = new ConcurrentHashMap<>();

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws HttpMediaTypeNotSupportedException, HttpMediaTypeNotAcceptableException {
            if (!(handler instanceof HandlerMethod method)) {
                return true;
            }
            List<MediaType> accepted;
            try {
                accepted = MediaType.parseMediaTypes(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)));
            } catch (InvalidMediaTypeException e) {
                throw new HttpMediaTypeNotAcceptableException("Accept '" + request.getHeader(HttpHeaders.ACCEPT)
                        + "' is not a list of media types");
            }
            Contract contract = contracts.computeIfAbsent(method.getMethod(), key -> contractOf(method));
            if (!accepted.isEmpty() && accepted.stream().noneMatch(type -> contract.answers().stream()
                    .anyMatch(type::isCompatibleWith))) {
                throw new HttpMediaTypeNotAcceptableException(contract.answers());
            }
            if (contract.readsBody()) {
                requireJson(request);
            }
            return true;
        }

        /** JSON, or what the handler says it produces (a spreadsheet); and whether it reads a body. */
        private static Contract contractOf(HandlerMethod method) {
            boolean readsBody = Arrays.stream(method.getMethodParameters())
                                      .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
            RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(),
                    RequestMapping.class);
            if (mapping == null || mapping.produces().length == 0) {
                return new Contract(ANSWERS, readsBody);
            }
            List<MediaType> answers = new ArrayList<>(ANSWERS);
            Arrays.stream(mapping.produces()).map(MediaType::parseMediaType).forEach(answers::add);
            return new Contract(List.copyOf(answers), readsBody);
        }

        private static void requireJson(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
            String header = request.getContentType();
            MediaType type;
            try {
                type = header == null ? null : MediaType.parseMediaType(header);
            } catch (InvalidMediaTypeException e) {
                type = null;
            }
            boolean json = type != null && !type.isWildcardType() && !type.isWildcardSubtype()
                    && (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                        || type.getSubtype().endsWith("+json") && "application".equals(type.getType()))
                    && (type.getParameter("charset") == null || "utf-8".equalsIgnoreCase(type.getParameter("charset")));
            if (!json) {
                throw type == null
                        ? new HttpMediaTypeNotSupportedException("Content-Type '" + header + "' is not supported; "
                                + "send the body as application/json (UTF-8)")
                        : new HttpMediaTypeNotSupportedException(type, JSON, HttpMethod.valueOf(request.getMethod()));
            }
        }
    }
}
