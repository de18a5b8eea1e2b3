package dev.portico.examples.blog;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.endpoint.Endpoint;
import dev.portico.http.HttpMethod;
import dev.portico.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Seed 000's employees demo: a page whose script ({@code src/main/frontend/employees.ts}, bundled by esbuild in the
 * build into {@code frontend/employees.js} on the class path) lists, creates, edits and deletes employees through
 * the generated typescript-fetch client, with the session and its {@code X-CSRFToken} header. Both are hidden from
 * the document: they are the front end, not the API.
 * <pre>
 *   GET /employees/               the page
 *   GET /employees/employees.js   its bundle
 * </pre>
 */
final class EmployeesPage {
    static final String PATH = "/employees/";
    private static final String HTML = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Employees</title>
        <script src="%semployees.js" defer></script></head>
        <body>
        <h1>Employees</h1>
        <form id="sign-in"><input name="username" placeholder="username"> <input name="password" type="password"
          placeholder="password"> <button>Sign in</button></form>
        <p id="status"></p>
        <table id="employees"><thead><tr><th>Name</th><th>Department</th><th>Salary</th><th></th></tr></thead>
        <tbody></tbody></table>
        <form id="employee"><input type="hidden" name="id"> <input name="name" placeholder="name">
          <input name="department" placeholder="department"> <input name="salary" placeholder="salary">
          <input name="hire_date" type="date"> <button>Save</button></form>
        </body>
        </html>
        """.formatted(PATH);

    private EmployeesPage() {}

    /** Mounts the page and its bundle; the bundle is read once, now, and is a 404 when the build made none. */
    static Portico.Builder addTo(Portico.Builder app) {
        byte[] bundle = bundle();
        app.endpoint(endpoint(
                PATH,
                r -> Response.of(
                        200, "text/html; charset=utf-8", HTML.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "text/html"));
        app.endpoint(endpoint(
                PATH + "employees.js",
                r -> bundle == null
                        ? Response.text(
                                404,
                                "The employees page was not bundled: build with node (mvn package runs"
                                        + " src/main/frontend/build.sh).")
                        : Response.of(200, "text/javascript; charset=utf-8", bundle)
                                .header("Cache-Control", "no-cache"),
                "text/javascript"));
        return app;
    }

    private static Endpoint endpoint(String path, dev.portico.endpoint.Invoker handler, String mediaType) {
        return Endpoint.builder(HttpMethod.GET, path)
                .output(Response.class)
                .produces(mediaType)
                .handle(handler)
                .authenticators(new Authenticator[0])
                .permissions(Permission.allowAny())
                .hidden(true)
                .build();
    }

    private static byte[] bundle() {
        try (InputStream in = EmployeesPage.class.getResourceAsStream("/frontend/employees.js")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
