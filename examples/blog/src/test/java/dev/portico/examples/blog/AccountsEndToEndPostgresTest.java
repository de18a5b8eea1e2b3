package dev.portico.examples.blog;

/** {@link AccountsEndToEndTest} on the real PostgreSQL (skipped with the reason when unreachable, unless CI=true). */
class AccountsEndToEndPostgresTest extends AccountsEndToEndTest {
    @Override
    BlogDatabases database() throws Exception {
        return BlogAppPostgresTest.postgresOrSkip();
    }
}
