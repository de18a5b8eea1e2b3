package dev.portico.test;

/**
 * The entry point of the response assertions, for code that prefers an explicit import to AssertJ's
 * {@code assertThat(AssertProvider)}: both give the same {@link ResponseAssert}.
 */
public final class PorticoAssertions {

    private PorticoAssertions() {}

    /** Assertions on {@code response}. */
    public static ResponseAssert assertThat(TestResponse response) {
        return new ResponseAssert(response);
    }
}
