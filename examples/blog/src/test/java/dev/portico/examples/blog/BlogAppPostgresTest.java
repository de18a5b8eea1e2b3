package dev.portico.examples.blog;

import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestDatabase;
import org.junit.jupiter.api.Assumptions;

/**
 * {@link BlogAppTest}'s whole suite on a real PostgreSQL: skipped, with the reason printed, when the server
 * is unreachable, unless {@code CI=true} (then it fails).
 */
@PorticoTest(database = TestDatabase.POSTGRESQL)
class BlogAppPostgresTest extends BlogAppTest {

    /** The PostgreSQL database of a run, or the run aborted with the reason (failed instead under CI=true). */
    static BlogDatabases postgresOrSkip() throws Exception {
        if (!"true".equals(System.getenv("CI"))) {
            String reason = BlogDatabases.postgresqlUnreachable();
            if (reason != null) {
                System.err.println("[examples/blog] skipping the PostgreSQL run: " + reason);
                Assumptions.abort(reason + " (skipped; with CI=true it fails)");
            }
        }
        return BlogDatabases.postgresql();
    }
}
