package dev.portico.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.pagination.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code openapi.operation-id-style}: DRF's operationIds by default, drf-spectacular's for Pegasus's clients. */
class OperationIdStyleTest {
    record Employee(long id, String name) {}

    private static JsonNode document(String style) {
        Portico app = Portico.builder()
                .shutdownHook(false)
                .config(PorticoConfig.builder()
                        .set(Settings.OPENAPI_OPERATION_ID_STYLE, Settings.OPENAPI_OPERATION_ID_STYLE.parse(style))
                        .build())
                .get("/api/employees/", Page.class, r -> null)
                .post("/api/employees/", Employee.class, Employee.class, (r, e) -> e)
                .get("/api/employees/{id:long}/", Employee.class, r -> null)
                .put("/api/employees/{id:long}/", Employee.class, Employee.class, (r, e) -> e)
                .patch("/api/employees/{id:long}/", Employee.class, Employee.class, (r, e) -> e)
                .delete("/api/employees/{id:long}/", r -> null)
                .get("/api/team-members/{id:long}/roles/", Employee[].class, r -> null)
                .get("/api/", String.class, r -> "")
                .get("/api/things/", String.class, r -> "", e -> e.operationId("fetchThings"))
                .build();
        return OpenApiTesting.json(app);
    }

    private static List<String> operationIds(JsonNode doc) {
        List<String> ids = new ArrayList<>();
        doc.path("paths")
                .forEach(item ->
                        item.forEach(op -> ids.add(op.path("operationId").asText())));
        return ids;
    }

    @Test
    void drfIsTheDefault() {
        assertThat(Settings.OPENAPI_OPERATION_ID_STYLE.defaultValue()).hasToString("DRF");
        assertThat(operationIds(document("drf")))
                .contains(
                        "listEmployees",
                        "createEmployee",
                        "retrieveEmployee",
                        "updateEmployee",
                        "partialUpdateEmployee",
                        "destroyEmployee",
                        "fetchThings");
    }

    @Test
    void spectacularJoinsThePathAndTheActionAsDrfSpectacularDoes() {
        assertThat(operationIds(document("spectacular")))
                .containsExactlyInAnyOrder(
                        "employees_list",
                        "employees_create",
                        "employees_retrieve",
                        "employees_update",
                        "employees_partial_update",
                        "employees_destroy",
                        "team_members_roles_list",
                        "root_retrieve",
                        "fetchThings",
                        // DRF's OPTIONS metadata, one per path, named after the path's main operation in the same style
                        "employees_list_options",
                        "employees_retrieve_options",
                        "team_members_roles_list_options",
                        "root_retrieve_options",
                        "fetchThings_options");
    }
}
