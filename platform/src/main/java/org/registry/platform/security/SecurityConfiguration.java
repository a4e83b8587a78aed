package org.registry.platform.security;

import org.registry.platform.web.ProblemResponses;
import org.registry.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may call what. HTTP Basic for configured users (and, on the embedded database only, the demo users);
 * OAuth2 bearer tokens when a JWT issuer or key is configured. The role rules of api.md are all here; the
 * area scope of a clerk is checked where the record's area is known ({@link CurrentUser#requireScope}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final List<String> DEMO_CLERKS = List.of("clerk", "clerk2", "clerk3");

    /**
     * Spring Security observes each of its filters, each authentication and each authorization of every request: a
     * wrapper, a context and an observation per filter, a share of every command's CPU even when the observations are
     * switched off by name, since the wrappers stay. Without them the filters run as they are; requests are still
     * timed ({@code http_server_requests_seconds}).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The rules' paths ({@code requestMatchers("/api/**")}) matched as path patterns, as Spring MVC matches them,
     * rather than by asking Spring MVC which handler a request goes to.
     */
    @Bean
    PathPatternRequestMatcherBuilderFactoryBean pathPatterns() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService registryUsers(SecurityProperties properties, Environment environment,
                                     ObjectProvider<JwtDecoder> jwtDecoder) {
        Map<String, RegistryUserDetails> users = new LinkedHashMap<>();
        for (SecurityProperties.User user : properties.users()) {
            users.put(user.username(), configured(user));
        }
        if (users.isEmpty() && demoUsersWanted(properties.demoUsers(), environment)) {
            demoUsers().forEach(user -> users.put(user.getUsername(), user));
            log.warn("""

                    ************************************************************************************
                    *  DEMO USERS ARE ACTIVE: clerk, clerk2, clerk3, village, auditor, analyst, admin   *
                    *  each with its own name as password. This is the embedded default for trying the *
                    *  service; configure registry.security.users or a JWT issuer before real use.     *
                    ************************************************************************************""");
        }
        if (users.isEmpty() && jwtDecoder.getIfAvailable() == null) {
            throw new IllegalStateException("Nobody can log in: configure registry.security.users[*] "
                    + "(username, password, roles, areas) or spring.security.oauth2.resourceserver.jwt.issuer-uri");
        }
        return username -> {
            RegistryUserDetails user = users.get(username);
            if (user == null) {
                throw new UsernameNotFoundException(username);
            }
            return user;
        };
    }

    /**
     * The office console's pages (query side, {@code console}): form sign-in, a session and CSRF tokens, for the same
     * users, roles and areas as the API. Only its own paths: the API keeps HTTP Basic and bearer tokens, stateless.
     */
    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain console(HttpSecurity http) throws Exception {
        http.securityMatcher("/console", "/console/**", "/login", "/logout", "/webjars/**")
            .authorizeHttpRequests(requests -> requests
                    .requestMatchers("/login", "/webjars/**", "/console/assets/**").permitAll()
                    .requestMatchers("/console/projections", "/console/projections/**").hasAnyRole("ADMIN", "ANALYST")
                    // as /api/imports: clerks and administrators import, and auditors read the imports too
                    .requestMatchers(HttpMethod.POST, "/console/imports", "/console/imports/*/revert")
                    .hasAnyRole("CLERK", "ADMIN")
                    .requestMatchers("/console/imports", "/console/imports/**").hasAnyRole("CLERK", "AUDITOR", "ADMIN")
                    .anyRequest().hasAnyRole("CLERK", "AUDITOR", "ANALYST", "ADMIN"))
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", false).permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }

    @Bean
    @ConditionalOnWebApplication // the command-line import has users but no requests to filter
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, ObjectProvider<JwtDecoder> jwtDecoder,
                            SecurityProperties properties) throws Exception {
        String[] anyRole = {"CLERK", "AUDITOR", "ANALYST", "ADMIN"};
        http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(requests -> requests
                    .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                     "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                    .requestMatchers(HttpMethod.GET, "/").permitAll()
                    .requestMatchers("/api/admin/**").hasAnyRole("ADMIN", "ANALYST")
                    // Analysts read the trail with personal data masked: nothing the event export does not show.
                    .requestMatchers(HttpMethod.GET, "/api/audit/**", "/api/audit")
                    .hasAnyRole("AUDITOR", "ADMIN", "ANALYST")
                    .requestMatchers(HttpMethod.GET, "/api/events").hasAnyRole("ANALYST", "AUDITOR", "ADMIN")
                    .requestMatchers(HttpMethod.GET, "/api/dashboards/**", "/api/ledgers/**", "/api/public-notices")
                    .hasAnyRole(anyRole)
                    .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole("CLERK", "AUDITOR", "ADMIN")
                    .requestMatchers("/api/**").hasAnyRole("CLERK", "ADMIN")
                    .anyRequest().hasRole("ADMIN"))
            .httpBasic(basic -> basic.realmName("registry")
                    .authenticationEntryPoint((request, response, e) -> {
                        response.setHeader("WWW-Authenticate", "Basic realm=\"registry\"");
                        problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                                "log in with HTTP Basic or a bearer token"));
                    }))
            .exceptionHandling(handling -> handling
                    .authenticationEntryPoint((request, response, e) -> {
                        response.setHeader("WWW-Authenticate", "Basic realm=\"registry\"");
                        problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                                "log in with HTTP Basic or a bearer token"));
                    })
                    .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                            Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN",
                                    "your role may not " + request.getMethod() + " " + request.getRequestURI()))));
        if (jwtDecoder.getIfAvailable() != null) {
            var claims = new JwtUsers(properties.jwt());
            http.oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(claims::authenticate)));
        }
        return http.build();
    }

    static boolean demoUsersWanted(SecurityProperties.DemoUsers setting, Environment environment) {
        return switch (setting) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
        };
    }

    private static RegistryUserDetails configured(SecurityProperties.User user) {
        if (user.username() == null || user.password() == null || user.roles() == null || user.roles().isEmpty()) {
            throw new IllegalStateException("registry.security.users: each user needs username, password and roles");
        }
        AreaScope scope = scopeOf(user.username(), user.roles(), user.areas());
        return new RegistryUserDetails(new RegistryUser(user.username(), user.roles(), scope), user.password());
    }

    static AreaScope scopeOf(String username, Set<Role> roles, List<String> areas) {
        if (roles.contains(Role.CLERK) && !roles.contains(Role.ADMIN)) {
            AreaScope scope = AreaScope.parse(areas);
            if (!scope.everywhere() && scope.areas().isEmpty()) {
                throw new IllegalStateException("clerk '" + username + "' has no areas: give area code prefixes, "
                        + "or '*' for every area");
            }
            return scope;
        }
        return AreaScope.all();
    }

    private static List<RegistryUserDetails> demoUsers() {
        List<RegistryUserDetails> users = new java.util.ArrayList<>();
        DEMO_CLERKS.forEach(name -> users.add(demo(name, Role.CLERK, AreaScope.all())));
        users.add(demo("village", Role.CLERK, AreaScope.parse(List.of("330106001001"))));
        users.add(demo("auditor", Role.AUDITOR, AreaScope.all()));
        users.add(demo("analyst", Role.ANALYST, AreaScope.all()));
        users.add(demo("admin", Role.ADMIN, AreaScope.all()));
        return users;
    }

    private static RegistryUserDetails demo(String name, Role role, AreaScope scope) {
        return new RegistryUserDetails(new RegistryUser(name, EnumSet.of(role), scope), "{noop}" + name);
    }
}
