package dev.portico.auth.browsable;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mustachejava.Mustache;
import dev.portico.auth.page.Pages;
import dev.portico.http.FileUpload;
import dev.portico.http.FormData;
import dev.portico.metadata.FieldInfos;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The form derived from an input type: nested records, lists, enum choices, files, values sent and errors. */
class FormFieldsTest {
    enum Size2 {
        SMALL,
        LARGE
    }

    record Address(@Size(max = 20) String city, Optional<String> street) {}

    record Order(
            String customer,
            Address address,
            List<Address> stops,
            List<String> tags,
            Size2 size,
            Optional<Size2> fallback,
            boolean gift,
            FileUpload receipt) {}

    private static String form(FormValues values, Map<String, List<String>> errors) {
        Mustache template = Pages.template("dev/portico/auth/browsable/api.mustache");
        Map<String, Object> scope = new java.util.HashMap<>(Map.of(
                "name",
                "Order",
                "site",
                "Shop",
                "assets",
                "/a/",
                "method",
                "POST",
                "target",
                "/api/orders/",
                "status",
                "200 OK"));
        scope.put(
                "forms",
                List.of(Map.of(
                        "id",
                        "form-post",
                        "method",
                        "POST",
                        "native",
                        true,
                        "multipart",
                        true,
                        "action",
                        "/api/orders/",
                        "entries",
                        FormFields.of("form-post", FieldInfos.of(Order.class), values, errors),
                        "problems",
                        List.of(),
                        "hasProblems",
                        false)));
        return Pages.render(template, scope);
    }

    @Test
    void nestedRecordsAreFieldsetsWithDottedNames() {
        String html = form(FormValues.NONE, Map.of());
        assertThat(html)
                .contains(
                        "<fieldset id=\"form-post-address\"><legend>Address</legend>",
                        "name=\"address.city\" value=\"\" maxlength=\"20\"",
                        "<fieldset id=\"form-post-stops\"><legend>Stops</legend>",
                        "<fieldset id=\"form-post-stops-0\"><legend>Stops 1</legend>",
                        "name=\"stops.0.city\"",
                        "<fieldset id=\"form-post-tags\"><legend>Tags</legend>",
                        "id=\"form-post-tags-0\" name=\"tags\"");
    }

    @Test
    void enumsAreSelectsBooleansCheckboxesAndFilesFileInputs() {
        String html = form(FormValues.NONE, Map.of());
        assertThat(html)
                .contains(
                        "<select id=\"form-post-size\" name=\"size\" aria-required=\"true\"><option"
                                + " value=\"SMALL\">Small</option><option value=\"LARGE\">Large</option></select>",
                        "<option value=\"\" selected>---------</option><option value=\"SMALL\">Small</option>",
                        "<input type=\"hidden\" name=\"gift\" value=\"false\">",
                        "<input type=\"file\" id=\"form-post-receipt\" name=\"receipt\" aria-required=\"true\">",
                        "enctype=\"multipart/form-data\"");
    }

    @Test
    void valuesSentAndErrorsComeBackBesideTheirFields() {
        FormData sent = FormData.of(Map.of(
                "customer",
                List.of("<ada>"),
                "size",
                List.of("LARGE"),
                "tags",
                List.of("a", "b"),
                "stops.0.city",
                List.of("Oslo"),
                "stops.1.city",
                List.of("Rome")));
        String html = form(FormValues.of(sent), Map.of("address.city", List.of("This field is required.")));
        assertThat(html)
                .contains(
                        ">&lt;ada&gt;</textarea>",
                        "<option value=\"LARGE\" selected>Large</option>",
                        "id=\"form-post-tags-1\" name=\"tags\" value=\"b\"",
                        "id=\"form-post-tags-2\" name=\"tags\" value=\"\"",
                        "name=\"stops.1.city\" value=\"Rome\"",
                        "aria-describedby=\"form-post-address-city-help form-post-address-city-errors\""
                                + " aria-invalid=\"true\"",
                        "<ul class=\"error-list\" id=\"form-post-address-city-errors\"><li>This field is"
                                + " required.</li></ul>");
    }
}
