package dev.portico.examples.blog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.config.OperationIdStyle;
import dev.portico.config.Settings;
import dev.portico.openapi.OpenApiDocument;
import dev.portico.test.PorticoClient;
import dev.portico.test.TestResponse;
import dev.portico.test.auth.TestAccounts;
import dev.portico.test.junit.App;
import dev.portico.test.junit.PorticoTest;
import dev.portico.test.junit.TestSetup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The example as a Pegasus app would be configured (docs/schema.md): {@code openapi.operation-id-style=spectacular},
 * so the typescript-fetch client has seed 000's {@code employeesList()}, and {@code json.decimals-as-strings=true},
 * so a salary is written {@code "5000.00"} and a client can send back what it read.
 */
@PorticoTest
class PegasusSettingsTest {
    private static TestAccounts accounts;
    private static Portico app;

    @App
    static Portico app(TestSetup setup) {
        BlogTesting.Built built = BlogTesting.app(
                setup,
                b -> b.set(Settings.OPENAPI_OPERATION_ID_STYLE, OperationIdStyle.SPECTACULAR)
                        .set(Settings.JSON_DECIMALS_AS_STRINGS, true));
        accounts = built.accounts();
        app = built.app();
        return app;
    }

    @Test
    void decimalsAreWrittenAsStringsAndReadBackFromThem(PorticoClient client) {
        accounts.createUser("pegasus");
        PorticoClient pegasus = client.as("pegasus");
        TestResponse created = pegasus.post("/api/employees/")
                .json("{\"name\":\"Ada\",\"department\":\"pegasus\","
                        + "\"salary\":\"5000.00\",\"hire_date\":\"2020-01-15\"}")
                .send();
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().path("salary").asText()).isEqualTo("5000.00");
        assertThat(created.json().path("salary").isTextual()).isTrue();
        String id = created.json().path("id").asText();
        TestResponse read = pegasus.get("/api/employees/" + id + "/").send();
        TestResponse updated = pegasus.patch("/api/employees/" + id + "/")
                .json("{\"salary\":" + read.json().path("salary") + "}")
                .send(); // what it read, sent back
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(pegasus.patch("/api/employees/" + id + "/")
                        .json("{\"salary\":\"lots\"}")
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theDocumentAndTheTypescriptClientUseDrfSpectacularsNames() throws Exception {
        JsonNode doc = dev.portico.testing.Bodies.json(app.openapi().bytes(OpenApiDocument.Format.JSON));
        assertThat(doc.at("/paths/~1api~1employees~1/get/operationId").asText()).isEqualTo("employees_list");
        assertThat(doc.at("/paths/~1api~1employees~1{id}~1/patch/operationId").asText())
                .isEqualTo("employees_partial_update");
        JsonNode salary = doc.at("/components/schemas/EmployeeInput/properties/salary");
        assertThat(salary.path("type").asText()).isEqualTo("string");
        assertThat(salary.path("format").asText()).isEqualTo("decimal");
        Path dir = Path.of("target/pegasus-client").toAbsolutePath();
        OtherClientsTest.clean(dir);
        Path document = dir.resolve("openapi.json");
        Files.write(document, app.openapi().bytes(OpenApiDocument.Format.JSON));
        StringWriter err = new StringWriter();
        assertThat(BlogApp.manage()
                        .run(
                                new String[] {
                                    "client",
                                    "typescript",
                                    "--schema",
                                    document.toString(),
                                    "--out",
                                    dir.resolve("client").toString()
                                },
                                new PrintWriter(new StringWriter()),
                                new PrintWriter(err)))
                .as(err.toString())
                .isZero();
        assertThat(dir.resolve("client/apis/EmployeesApi.ts"))
                .content()
                .contains("async employeesList(", "async employeesPartialUpdate(");
    }
}
