package org.registry.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

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
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                                                           .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
