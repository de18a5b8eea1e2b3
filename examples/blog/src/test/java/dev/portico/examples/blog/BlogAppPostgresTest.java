package dev.portico.examples.blog;

import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestDatabase;

/**
 * {@link BlogAppTest}'s whole suite on a real PostgreSQL: skipped, with the reason printed, when the server
 * is unreachable, unless {@code CI=true} (then it fails).
 */
@PorticoTest(database = TestDatabase.POSTGRESQL)
class BlogAppPostgresTest extends BlogAppTest {}
