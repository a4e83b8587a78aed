package org.registry.platform.test;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a test context at a schema of its own ({@link TestDatabase}) and drops it once the context has closed: as
 * the first disposable bean registered, it is destroyed last, after the event processors and the scheduler have
 * stopped and the connection pool has closed, so nothing reads a dropped table.
 */
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
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("testSchema", schema::drop);
    }
}
