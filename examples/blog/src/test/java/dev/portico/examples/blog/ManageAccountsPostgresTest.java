package dev.portico.examples.blog;

/** {@link ManageAccountsTest} on the real PostgreSQL (skipped with the reason when unreachable, unless CI=true). */
class ManageAccountsPostgresTest extends ManageAccountsTest {
    @Override
    BlogDatabases database() throws Exception {
        return BlogAppPostgresTest.postgresOrSkip();
    }
}
