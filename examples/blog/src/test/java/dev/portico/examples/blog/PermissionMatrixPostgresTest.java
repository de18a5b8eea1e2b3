package dev.portico.examples.blog;

/** {@link PermissionMatrixTest} on the real PostgreSQL (skipped with the reason when unreachable, unless CI=true). */
class PermissionMatrixPostgresTest extends PermissionMatrixTest {
    @Override
    BlogDatabases database() throws Exception {
        return BlogAppPostgresTest.postgresOrSkip();
    }
}
