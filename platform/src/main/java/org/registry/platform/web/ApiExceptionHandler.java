package org.registry.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.registry.kernel.common.Rejection;
import org.registry.kernel.common.RejectionException;
import org.registry.platform.eventstore.LockConflicts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every error the API answers is {@code application/problem+json} with a stable {@code code}; bad input is a
 * 400/422 naming the field, never a 500.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(RejectionException.class)
    ResponseEntity<Object> rejected(RejectionException e) {
        return answer(Problems.of(e.rejection()));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e) {
        Optional<Rejection> rejection = e.getDetails().filter(Rejection.class::isInstance).map(Rejection.class::cast);
        if (rejection.isPresent()) {
            return answer(Problems.of(rejection.get()));
        }
        return unexpected(e);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> versionConflict(ConflictingAggregateVersionException e) {
        return answer(Problems.of(HttpStatus.PRECONDITION_FAILED, "CONCURRENT_MODIFICATION",
                "the record is at version " + e.getActualVersion() + ", not the version " + e.getExpectedVersion()
                        + " named in If-Match; read it again and retry"));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentWrite(ConcurrencyException e) {
        return answer(Problems.of(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                "another request changed the record at the same moment; retry"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        Optional<RejectionException> cause = causeOfType(e, RejectionException.class);
        if (cause.isPresent()) {
            return rejected(cause.get());
        }
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("Database unavailable, answered 503: {}", DatabaseUnavailable.describe(e));
            return DatabaseUnavailable.answer();
        }
        if (LockConflicts.isLockConflict(e)) {
            return answer(Problems.of(HttpStatus.CONFLICT, "CONCURRENT_MODIFICATION",
                    "other requests changed the same records at the same moment; nothing was recorded, retry"));
        }
        HttpServletRequest request = currentRequest();
        log.error("Unexpected failure of request {} ({} {})", RequestIds.requestId(request), request.getMethod(),
                request.getRequestURI(), e);
        return answer(Problems.unexpected());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return answer(Problems.validation(fieldErrors(e)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new Problems.FieldError(
                        Optional.ofNullable(result.getMethodParameter().getParameterName()).orElse("?"),
                        error.getDefaultMessage())))
                .toList();
        return answer(Problems.validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        return answer(Problems.validation(List.of(new Problems.FieldError(e.getParameterName(), "is required"))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException e) {
        return answer(Problems.validation(List.of(new Problems.FieldError(e.getHeaderName(), "header is required"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        Optional<RejectionException> rejection = causeOfType(e, RejectionException.class);
        if (rejection.isPresent()) {
            return rejected(rejection.get());
        }
        String expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
        return answer(Problems.validation(List.of(new Problems.FieldError(e.getName(),
                "'" + e.getValue() + "' is not " + expected))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Optional<RejectionException> rejection = causeOfType(e, RejectionException.class);
        if (rejection.isPresent()) {
            return rejected(rejection.get());
        }
        if (!(e.getCause() instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            // Not JSON, not one document, a key twice, a string too long, not an object, or no body at all.
            String detail = e.getCause() instanceof JsonProcessingException json ? json.getOriginalMessage()
                    : "the body is missing";
            return answer(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                    "the request body is not valid JSON for this request: " + detail));
        }
        return answer(Problems.validation(List.of(new Problems.FieldError(path(mapping), problem(mapping)))));
    }

    private static String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "is not a field of this request; known fields: " + unknown.getKnownPropertyIds();
        }
        if (e instanceof StrictJson.TextRefused) {
            return e.getOriginalMessage();
        }
        if (e instanceof InvalidFormatException invalid) {
            return "'" + invalid.getValue() + "' is not " + describe(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "is not " + describe(mismatch.getTargetType());
        }
        return "has the wrong type: " + e.getOriginalMessage();
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        // Framework errors (405, 406, 415, unknown path...) keep their status and gain a code.
        if (e instanceof ErrorResponse errorResponse) {
            ProblemDetail problem = errorResponse.getBody();
            HttpStatus status = HttpStatus.valueOf(statusCode.value());
            problem.setProperty("code", status.name());
            problem.setType(Problems.type(status.name()));
            return answer(problem, headers);
        }
        if (e instanceof BindException bind) {
            return answer(Problems.validation(fieldErrors(bind)));
        }
        return super.handleExceptionInternal(e, body, headers, statusCode, request);
    }

    private static List<Problems.FieldError> fieldErrors(BindException e) {
        return e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "YearMonth" -> "a month (YYYY-MM)";
            case "Instant", "OffsetDateTime" -> "an ISO-8601 date-time";
            case "UUID" -> "a UUID";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "text (a JSON string)";
            case "Integer", "int", "Long", "long" -> "a whole number";
            default -> "a valid " + type.getSimpleName();
        };
    }

    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    private static <T extends Throwable> Optional<T> causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        return answer(problem, HttpHeaders.EMPTY);
    }

    /**
     * Every answer of this class. Its type is set, not negotiated: a problem is problem+json whatever the caller
     * accepts (negotiation would leave a 406 without a body).
     */
    private static ResponseEntity<Object> answer(ProblemDetail problem, HttpHeaders headers) {
        ProblemResponses.logRefusal(currentRequest(), problem);
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                             .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

}
