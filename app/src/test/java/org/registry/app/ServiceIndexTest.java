package org.registry.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /}: what a newcomer who opens the service's address finds there. */
@RegistryTest
class ServiceIndexTest {

    @LocalServerPort
    int port;

    @Test
    void theRootNamesTheSignedInUserAndLinksToTheApiDescription() {
        JsonNode index = Api.at(port).as("village").get("/").expect(200).json();

        assertThat(index.get("service").asText()).startsWith("Population and family-health registry");
        assertThat(index.at("/user/name").asText()).isEqualTo("village");
        assertThat(index.at("/user/roles")).extracting(JsonNode::asText).containsExactly("CLERK");
        assertThat(index.at("/user/areas")).extracting(JsonNode::asText).containsExactly("330106001001");
        // the Swagger UI's address redirects to its page; the metrics are not exported in tests
        for (String link : new String[]{"apiDescription", "swaggerUi", "health"}) {
            assertThat(Api.at(port).get(index.at("/links/" + link).asText()).status()).as(link).isIn(200, 302);
        }
        assertThat(Api.at(port).as("admin").get("/").expect(200).json().at("/user/areas/0").asText()).isEqualTo("*");
    }

    @Test
    void anAnonymousCallerGetsTheIndexWithoutAUser() {
        JsonNode index = Api.at(port).get("/").expect(200).json();

        assertThat(index.get("user").isNull()).isTrue();
        assertThat(index.at("/links/swaggerUi").asText()).isEqualTo("/swagger-ui.html");
    }
}
