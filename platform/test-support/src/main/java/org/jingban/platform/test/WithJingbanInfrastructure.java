package org.jingban.platform.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test's context at the JVM's shared embedded Kafka broker and Mongo-compatible
 * store ({@link JingbanInfrastructure}): sets {@code spring.kafka.bootstrap-servers} and
 * {@code spring.mongodb.uri}, and, if asked, {@code spring.mongodb.database}.
 *
 * <p>By default all annotated test classes with the same configuration share one cached Spring
 * context and the service's own database: one context per JVM is much faster on 2 cores, and two
 * live contexts of one service would share its Kafka consumer group and steal each other's events.
 * Tests keep apart by using their own ids. Set {@link #database()} only when a class truly needs an
 * empty database; it then gets a context of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithJingbanInfrastructure {

    /** {@code spring.mongodb.database} for this context; empty leaves the application's own setting. */
    String database() default "";
}
