package org.registry.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;

import java.lang.annotation.Annotation;
import java.util.Arrays;

/**
 * The OpenAPI description served at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. Each operation states
 * its real status (201 where a command creates a record: {@code @ResponseStatus} on the endpoint) and the problems it
 * may answer, derived here in one place from what it takes: every operation 400, 401 and 403; one with a record in
 * its path 404; a command with a body also 409, 412 ({@code If-Match}), 415 and 422. A {@link Text} bound is the
 * field's or parameter's {@code maxLength}.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI registryOpenApi(@Value("${spring.application.name:registry}") String application) {
        return new OpenAPI()
                .info(new Info().title("Population and family-health registry (" + application + ")")
                                .version("1")
                                .description("""
                                        Commands answer once their events are stored, with the record's version in \
                                        `ETag` and the event's global position in `X-Event-Position`. Send \
                                        `If-Match: "<version>"` to make a command conditional (412 when the record \
                                        moved on) and `Idempotency-Key` to make a retry safe. Queries are eventually \
                                        consistent: send `X-Min-Event-Position` to read your own writes. Every error \
                                        is application/problem+json with a stable `code`."""))
                .components(new Components()
                        .addSchemas(PROBLEM, problemSchema())
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                                                           .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OperationCustomizer documentedProblems() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses();
            problem(responses, "400", "Malformed or invalid input (VALIDATION_FAILED, MALFORMED_REQUEST, ...)");
            problem(responses, "401", "Not logged in (UNAUTHENTICATED)");
            problem(responses, "403", "The caller's role or areas do not allow it (FORBIDDEN, OUTSIDE_AREA_SCOPE, "
                    + "...)");
            if (takes(handler.getMethodParameters(), PathVariable.class)) {
                problem(responses, "404", "No such record (PERSON_NOT_FOUND, HOUSEHOLD_NOT_FOUND, ...)");
            }
            if (takes(handler.getMethodParameters(), RequestBody.class)) {
                problem(responses, "409", "The record's state does not allow it, or another record holds the value "
                        + "(INVALID_STATE, DUPLICATE_NATIONAL_ID, CONCURRENT_MODIFICATION, ...)");
                problem(responses, "412", "The record moved on since the version in If-Match "
                        + "(CONCURRENT_MODIFICATION)");
                problem(responses, "415", "The body is not JSON in UTF-8 (UNSUPPORTED_MEDIA_TYPE)");
                problem(responses, "422", "Well-formed, but it cannot be applied as sent (NOT_A_MEMBER, "
                        + "IDEMPOTENCY_KEY_REUSED, ...)");
            }
            return operation;
        };
    }

    @Bean
    PropertyCustomizer textBoundsOfFields() {
        return (schema, type) -> {
            if (type.getCtxAnnotations() != null) {
                Arrays.stream(type.getCtxAnnotations()).filter(Text.class::isInstance).map(Text.class::cast)
                      .findFirst().ifPresent(text -> schema.setMaxLength(text.max()));
            }
            return schema;
        };
    }

    @Bean
    ParameterCustomizer textBoundsOfParameters() {
        return (parameter, method) -> {
            Text text = method.getParameterAnnotation(Text.class);
            if (text != null && parameter != null && parameter.getSchema() != null) {
                parameter.getSchema().setMaxLength(text.max());
            }
            return parameter;
        };
    }

    private static boolean takes(org.springframework.core.MethodParameter[] parameters,
                                 Class<? extends Annotation> annotation) {
        return Arrays.stream(parameters).anyMatch(parameter -> parameter.hasParameterAnnotation(annotation));
    }

    private static void problem(ApiResponses responses, String status, String description) {
        responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                .addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    /** RFC 9457 with the registry's {@code code} and field {@code errors}. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .addProperty("type", new StringSchema().description("/problems/<code in kebab case>"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("code", new StringSchema().description("stable and machine-readable, e.g. "
                        + "VALIDATION_FAILED, PERSON_NOT_FOUND, INVALID_STATE"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema())
                        .addProperty("message", new StringSchema())))
                .required(java.util.List.of("type", "title", "status", "code"));
    }
}
