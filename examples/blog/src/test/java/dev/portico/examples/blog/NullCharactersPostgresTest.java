package dev.portico.examples.blog;

import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestDatabase;

/** {@link NullCharactersTest} on a real PostgreSQL, which cannot store NUL in text: there it was a 500. */
@PorticoTest(database = TestDatabase.POSTGRESQL)
class NullCharactersPostgresTest extends NullCharactersTest {}
