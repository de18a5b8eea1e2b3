package dev.portico.test.junit;

/** What a {@link PorticoTest} builds its database, clock and application for. */
public enum Isolation {
    /** Once for the class: its tests share them, and each works on rows of its own. */
    PER_CLASS,
    /** Once for every test method: nothing a test writes, counts or caches is seen by the next. */
    PER_TEST
}
