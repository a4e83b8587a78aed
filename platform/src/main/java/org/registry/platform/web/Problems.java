package org.registry.platform.web;

import org.registry.kernel.common.Rejection;
import org.registry.kernel.common.RejectionKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that turns a refusal into an RFC 9457 problem: {@code type}, {@code title}, {@code status},
 * {@code detail}, the stable {@code code}, and {@code errors: [{field, message}]} for field errors.
 */
public final class Problems {

    private Problems() {
    }

    public static HttpStatus status(RejectionKind kind) {
        return switch (kind) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
        };
    }

    public static ProblemDetail of(Rejection rejection) {
        ProblemDetail problem = of(status(rejection.kind()), rejection.code(), rejection.message());
        if (rejection.field() != null) {
            problem.setProperty("errors", List.of(new FieldError(rejection.field(), rejection.message())));
        }
        rejection.details().forEach(problem::setProperty);
        return problem;
    }

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        problem.setTitle(title(code));
        problem.setProperty("code", code);
        return problem;
    }

    /** An unexpected failure: nothing about it but where to find it in the log. */
    public static ProblemDetail unexpected() {
        return of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "the request failed unexpectedly; the request id in the X-Request-Id header identifies it in the logs");
    }

    public static ProblemDetail validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** {@code DUPLICATE_NATIONAL_ID} becomes {@code /problems/duplicate-national-id}. */
    public static URI type(String code) {
        return URI.create("/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** {@code DUPLICATE_NATIONAL_ID} becomes "Duplicate national id". */
    static String title(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public record FieldError(String field, String message) {
    }

    static Map<String, Object> asMap(ProblemDetail problem) {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("type", problem.getType());
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            map.put("instance", problem.getInstance());
        }
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }
}
