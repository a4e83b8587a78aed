package org.registry.app;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.Api;
import org.registry.platform.test.RegistryTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** OAuth2 bearer tokens, where a JWT issuer (here: its public key) is configured: roles and areas from claims. */
@RegistryTest
class BearerTokenTest {

    static final KeyPair ISSUER = keyPair();
    static final KeyPair STRANGER = keyPair();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) throws IOException {
        Path key = Files.createTempFile("issuer", ".pub");
        key.toFile().deleteOnExit();
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ISSUER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + key);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api bearer(String token) {
        return Api.at(port).header("Authorization", "Bearer " + token);
    }

    static String token(KeyPair signer, String user, List<String> roles, List<String> areas) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .subject("subject-" + user)
                    .claim("preferred_username", user)
                    .claim("roles", roles)
                    .claim("areas", areas)
                    .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                    .build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> household(String community) {
        return Map.of("communityCode", community, "address", "1 Token Road", "kind", "REGISTERED",
                "date", "2026-01-01");
    }

    @Test
    void aClerkTokenActsInItsAreasOnlyAndIsRecordedByName() {
        Api wang = bearer(token(ISSUER, "wang", List.of("CLERK"), List.of("330106001")));

        String id = wang.post("/api/households", household("330106001005")).expect(201).field("householdId");
        assertThat(wang.post("/api/households", household("330106002001")).expect(403).field("code"))
                .isEqualTo("OUTSIDE_AREA_SCOPE");

        String actor = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?",
                String.class, id);
        assertThat(actor).contains("\"actor\":\"wang\"").contains("\"role\":\"CLERK\"");
    }

    @Test
    void aTokenWithoutOurRolesMayDoNothing() {
        Api stranger = bearer(token(ISSUER, "li", List.of("offline_access"), List.of("*")));
        assertThat(stranger.post("/api/households", household("330106001005")).expect(403).field("code"))
                .isEqualTo("FORBIDDEN");
        stranger.get("/api/households?areaCode=330106").expect(403);
    }

    @Test
    void aClerkTokenWithoutAreasActsNowhere() {
        Api nowhere = bearer(token(ISSUER, "zhao", List.of("CLERK"), List.of()));
        assertThat(nowhere.post("/api/households", household("330106001005")).expect(403).field("code"))
                .isEqualTo("OUTSIDE_AREA_SCOPE");
    }

    @Test
    void aTokenSignedByAnotherKeyIsNoLogin() {
        bearer(token(STRANGER, "mallory", List.of("ADMIN"), List.of("*")))
                .get("/api/households?areaCode=330106").expect(401);
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
