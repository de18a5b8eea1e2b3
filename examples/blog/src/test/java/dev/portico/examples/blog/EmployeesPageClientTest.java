package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.testing.NodeTools;
import io.swagger.v3.core.util.Yaml;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's warning, made a check: "introducing breaking changes to your APIs can also break your API client".
 * The employees page's client regenerated from the example's document type-checks with the page under
 * {@code tsc --strict}; regenerated after an endpoint change (EmployeeInput's {@code salary} renamed), the same
 * {@code tsc} fails, naming the line of {@code employees.ts} that uses the changed field.
 */
class EmployeesPageClientTest {
    private static final Path FRONTEND = Path.of("src/main/frontend").toAbsolutePath();
    private static final Path WORK = Path.of("target/employees-page-client").toAbsolutePath();

    @Test
    void regeneratingTheClientAfterAnEndpointChangeMakesTscFailWhereThePageUsesIt() throws Exception {
        Path tsc = FRONTEND.resolve("node_modules/typescript/bin/tsc");
        ClientTools.project();
        assertThat(tsc)
                .as("typescript, installed by the build (src/main/frontend/build.sh)")
                .isRegularFile();
        OtherClientsTest.clean(WORK);
        Path document = Path.of("openapi.yaml").toAbsolutePath();
        assertThat(typeCheck(tsc, document, "unchanged").exitCode()).isZero();

        ObjectNode changed = (ObjectNode) Yaml.mapper().readTree(document.toFile());
        ObjectNode input = (ObjectNode) changed.at("/components/schemas/EmployeeInput");
        ObjectNode properties = (ObjectNode) input.path("properties");
        properties.set("annual_salary", properties.remove("salary"));
        ArrayNode required = (ArrayNode) input.path("required");
        for (int i = 0; i < required.size(); i++) {
            if (required.get(i).asText().equals("salary")) {
                required.set(i, "annual_salary");
            }
        }
        Path renamed = WORK.resolve("renamed.yaml");
        Yaml.mapper().writeValue(renamed.toFile(), changed);
        NodeTools.Result broken = typeCheck(tsc, renamed, "renamed");
        assertThat(broken.exitCode()).isNotZero();
        assertThat(broken.stdout())
                .contains("employees.ts(")
                .contains("annualSalary")
                .contains("salary: number");
    }

    /** Generates the client from {@code document} as the build does, and runs tsc over the page with it. */
    private static NodeTools.Result typeCheck(Path tsc, Path document, String name) throws Exception {
        Path client = WORK.resolve(name + "/api-client");
        StringWriter err = new StringWriter();
        int code = BlogApp.manage()
                .run(
                        new String[] {
                            "client", "typescript", "--schema", document.toString(), "--out", client.toString()
                        },
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        Path config = WORK.resolve(name + "/tsconfig.json");
        Files.writeString(config, """
            {
              "compilerOptions": {
                "strict": true, "target": "es2022", "module": "es2022", "moduleResolution": "bundler",
                "lib": ["es2022", "dom", "dom.iterable"], "types": [], "noEmit": true, "skipLibCheck": true,
                "baseUrl": ".", "paths": { "api-client": ["./api-client"] }
              },
              "files": ["%s"]
            }
            """.formatted(FRONTEND.resolve("employees.ts")));
        return NodeTools.run(FRONTEND, List.of("node", tsc.toString(), "-p", config.toString()));
    }
}
