package org.registry.platform.test;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Points a test context at a schema of its own ({@link TestDatabase}) and drops it once the context has closed: as
 * the first disposable bean registered, it is destroyed last, after the event processors and the scheduler have
 * stopped and the connection pool has closed, so nothing reads a dropped table. With {@value #DATABASE}{@code =embedded}
 * (e.g. in {@code @TestPropertySource}), the context runs on the embedded default instead: the H2 file database of
 * {@code registry-defaults.yml}, in a directory of its own, deleted as the JVM exits.
 */
public class TestSchemaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String DATABASE = "registry.test.database";
    private static final String EMBEDDED = "jdbc:h2:file:./data/";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Runnable drop = "embedded".equals(context.getEnvironment().getProperty(DATABASE))
                ? embeddedDefault(context) : schema(context);
        TestPropertyValues.of(
                "spring.datasource.hikari.maximum-pool-size=8",
                // tests are users of their own: the demo users stand in for configured ones
                "registry.security.demo-users=on"
        ).applyTo(context);
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("testSchema", drop::run);
    }

    private static Runnable schema(ConfigurableApplicationContext context) {
        TestDatabase.Schema schema = TestDatabase.newSchema();
        TestPropertyValues.of(
                "spring.datasource.url=" + schema.url(),
                "spring.datasource.username=" + schema.user(),
                "spring.datasource.password=" + schema.password()
        ).applyTo(context);
        return schema::drop;
    }

    private static Runnable embeddedDefault(ConfigurableApplicationContext context) {
        try {
            Path directory = Files.createTempDirectory("registry-embedded");
            String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
            if (!url.startsWith(EMBEDDED)) {
                throw new IllegalStateException("the embedded default is no longer an H2 file under ./data: " + url);
            }
            TestPropertyValues.of("spring.datasource.url=" + url.replace(EMBEDDED, "jdbc:h2:file:" + directory + "/"))
                              .applyTo(context);
            // Deleted as the JVM exits, after the context (and the connections that would write the files again).
            // Files are deleted in the reverse order of registration: the directory last.
            directory.toFile().deleteOnExit();
            for (String file : List.of("registry.mv.db", "registry.trace.db", "registry.lock.db")) {
                directory.resolve(file).toFile().deleteOnExit();
            }
            return () -> { };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
