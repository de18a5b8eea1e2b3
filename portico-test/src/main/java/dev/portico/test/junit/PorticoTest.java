package dev.portico.test.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class of one Portico application, DRF's {@code APITestCase}: the application is built once for the class by
 * its {@link App} method, on a fresh database of its own and a {@link dev.portico.test.MutableClock}, and stopped (its
 * database dropped) after the class. Test methods and {@code @BeforeAll}/{@code @BeforeEach} methods receive, as
 * parameters, a new {@link dev.portico.test.PorticoClient} each (own cookies, no credentials), the {@code Portico}, the
 * {@code MutableClock} and the {@link TestSetup}.
 * <pre>{@code
 * @PorticoTest
 * class PostsTest {
 *     @App
 *     static Portico app(TestSetup setup) {
 *         return BlogApp.app(setup.config().build()).build();
 *     }
 *
 *     @Test
 *     void listsPosts(PorticoClient client) {
 *         assertThat(client.get("/api/posts/").send()).hasStatus(401);
 *     }
 * }
 * }</pre>
 * A subclass that changes {@link #database()} runs the same tests on another database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(PorticoExtension.class)
public @interface PorticoTest {

    /** The database of the class; H2 in memory by default (none when portico-data is not on the class path). */
    TestDatabase database() default TestDatabase.H2;

    /**
     * Whether the clients go over a real socket: the application is started on a free loopback port and the clients
     * are {@code PorticoClient.overTheWire(app)}; in-process by default.
     */
    boolean overTheWire() default false;

    /**
     * What shares one database, clock and application: the tests of the class (the default, fast; each test works on
     * rows of its own), or nothing ({@link Isolation#PER_TEST}: built anew for every test, as DRF's
     * {@code APITestCase} rolls each test back, at the cost of one build and migration per test).
     */
    Isolation isolation() default Isolation.PER_CLASS;
}
