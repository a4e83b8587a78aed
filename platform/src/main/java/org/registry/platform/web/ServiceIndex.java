package org.registry.platform.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.registry.kernel.area.AreaCode;
import org.registry.platform.security.AreaScope;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.security.RegistryUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What {@code GET /} answers a newcomer: which service this is, who they are signed in as, and where the API is
 * described. It is open, as the API description is, and names nothing personal.
 */
@RestController
@Tag(name = "Service")
class ServiceIndex {

    private final String application;

    ServiceIndex(@Value("${spring.application.name:registry}") String application) {
        this.application = application;
    }

    /** The signed-in caller, or null for an anonymous one. */
    record Caller(String name, List<String> roles, List<String> areas) {
    }

    @GetMapping("/")
    @Operation(summary = "This service, the caller (null when not signed in) and links to the API description, "
            + "the Swagger UI, health and metrics")
    Map<String, Object> index() {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("service", "Population and family-health registry (" + application + ")");
        index.put("user", CurrentUser.find().map(ServiceIndex::caller).orElse(null));
        Map<String, String> links = new LinkedHashMap<>();
        links.put("apiDescription", "/v3/api-docs");
        links.put("swaggerUi", "/swagger-ui.html");
        links.put("health", "/actuator/health");
        links.put("metrics", "/actuator/prometheus");
        index.put("links", links);
        index.put("documentation", "docs/api.md (the HTTP contract) and docs/domain.md (the domain and every "
                + "indicator's definition) in the source repository");
        return index;
    }

    private static Caller caller(RegistryUser user) {
        AreaScope scope = user.scope();
        List<String> areas = scope.everywhere() ? List.of(AreaScope.EVERYWHERE)
                : scope.areas().stream().map(AreaCode::value).toList();
        return new Caller(user.name(), List.copyOf(new TreeSet<>(user.roles().stream().map(Enum::name).toList())),
                areas);
    }
}
