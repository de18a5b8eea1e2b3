package dev.portico.examples.blog;

import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestDatabase;

/** {@link PermissionMatrixTest} on the real PostgreSQL (skipped with the reason when unreachable, unless CI=true). */
// region subclass
@PorticoTest(database = TestDatabase.POSTGRESQL)
class PermissionMatrixPostgresTest extends PermissionMatrixTest {}
// endregion subclass
