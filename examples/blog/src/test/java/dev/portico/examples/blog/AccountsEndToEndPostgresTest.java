package dev.portico.examples.blog;

import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestDatabase;

/** {@link AccountsEndToEndTest} on the real PostgreSQL (skipped with the reason when unreachable, unless CI=true). */
@PorticoTest(database = TestDatabase.POSTGRESQL)
class AccountsEndToEndPostgresTest extends AccountsEndToEndTest {}
