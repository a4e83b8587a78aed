package org.registry.app;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.registry.platform.test.RegistryTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.FilterChainProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every request passes through before its handler: Spring Security's chains, chosen by path patterns rather
 * than by asking Spring MVC which handler a request goes to (security.SecurityConfiguration).
 */
@RegistryTest
class SecurityFiltersTest {

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter securityFilters;

    @Test
    void theConsolesChainIsChosenByPathPatterns() {
        assertThat(securityFilters).isInstanceOf(FilterChainProxy.class);
        var matchers = ((FilterChainProxy) securityFilters).getFilterChains().stream()
                .filter(DefaultSecurityFilterChain.class::isInstance)
                .map(chain -> ((DefaultSecurityFilterChain) chain).getRequestMatcher().toString())
                .toList();

        assertThat(matchers).anySatisfy(matcher -> assertThat(matcher).contains("PathPattern [/console]"));
    }
}
