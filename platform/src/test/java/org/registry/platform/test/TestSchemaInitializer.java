package org.registry.platform.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/** Points a test context at a schema of its own ({@link TestDatabase}) and drops it when the context closes. */
public class TestSchemaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase.Schema schema = TestDatabase.newSchema();
        TestPropertyValues.of(
                "spring.datasource.url=" + schema.url(),
                "spring.datasource.username=" + schema.user(),
                "spring.datasource.password=" + schema.password(),
                "spring.datasource.hikari.maximum-pool-size=8",
                // tests are users of their own: the demo users stand in for configured ones
                "registry.security.demo-users=on"
        ).applyTo(context);
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> {
            if (event.getApplicationContext() == context) {
                schema.drop();
            }
        });
    }
}
