package org.registry.platform.migration;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

import java.util.Set;

/** Tells Spring Boot that {@link SchemaMigrator} initializes the database (see {@code META-INF/spring.factories}). */
class SchemaMigratorDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(SchemaMigrator.class);
    }
}
