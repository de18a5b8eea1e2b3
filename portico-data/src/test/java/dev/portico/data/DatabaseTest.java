package dev.portico.data;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test run once against each database, H2 then PostgreSQL, with a fresh empty {@link TestDatabase}
 * parameter each time: the one suite that keeps the two databases interchangeable. PostgreSQL is the real
 * server at 127.0.0.1:5432, database {@code test}, a new schema per run dropped afterwards. When it cannot be
 * reached the PostgreSQL runs are skipped with the reason printed, unless {@code CI=true}: then they fail.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BothDatabases.class)
public @interface DatabaseTest {}
