package dev.portico.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lint harness itself: a faulty document is reported, with the rule and the place of each error. */
class RedoclyLintTest {

    @BeforeAll
    static void toolsInstalled() {
        NodeTools.project(); // skips (or under CI=true fails) here, not inside assertThatThrownBy
    }

    private static Path broken() throws Exception {
        return Path.of(Objects.requireNonNull(RedoclyLintTest.class.getResource("broken-schema.yaml"))
                .toURI());
    }

    @Test
    void errorsAreReportedWithRuleAndPointer() throws Exception {
        RedoclyLint.Report report = RedoclyLint.lint(broken());
        assertThat(report.errors())
                .extracting(RedoclyLint.Problem::ruleId)
                .contains("no-unresolved-refs", "path-parameters-defined", "security-defined", "no-empty-servers");
        assertThat(report.errors())
                .anySatisfy(e -> assertThat(e.pointer())
                        .isEqualTo("#/paths/~1api~1items~1{id}~1/get/responses/200/content/application~1json/schema"));
        assertThat(report.warnings()).extracting(RedoclyLint.Problem::ruleId).contains("info-license");
    }

    @Test
    void assertNoErrorsFailsListingThem() {
        assertThatThrownBy(() -> RedoclyLint.assertNoErrors(broken())).hasMessageContaining("no-unresolved-refs");
    }
}
