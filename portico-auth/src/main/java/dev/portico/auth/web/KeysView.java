package dev.portico.auth.web;

import static dev.portico.auth.web.Html.text;
import static dev.portico.auth.web.Html.time;

import dev.portico.auth.accounts.User;
import dev.portico.auth.keys.ApiKey;
import dev.portico.auth.keys.CreatedApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The HTML of the pages, as plain strings: a sign-in form, the list of keys with the form that makes one, a key
 * just made (its secret, once), and an error. No template engine for four small pages; every value from a user or
 * the database is escaped with {@link Html#text} where it is written.
 */
final class KeysView {
    /** What the create form was sent with, shown again beside its errors. */
    record Entered(String name, String expiresOn, String role, Map<String, List<String>> errors) {
        static final Entered NONE = new Entered("", "", "", Map.of());
    }

    /** Everything the list page shows. */
    record ListPage(
            User user,
            List<ApiKey> keys,
            Instant now,
            String csrfToken,
            Optional<CreatedApiKey> created,
            Optional<ApiKey> revoked,
            Entered entered) {}

    private final String prefix;
    private final String title;

    KeysView(String prefix, String title) {
        this.prefix = prefix;
        this.title = title;
    }

    String signIn(String csrfToken, String username, Optional<String> error) {
        String body = """
            <section class="card">
            <h2>Sign in</h2>
            <p>Sign in to see, create and revoke your API keys.</p>
            %s<form method="post" action="%slogin/" class="stack">
            %s
            <label for="username">Username</label>
            <input id="username" name="username" autocomplete="username" required value="%s">
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button>
            </form>
            </section>
            """.formatted(
                        error.map(e -> "<p class=\"error\" role=\"alert\">" + text(e) + "</p>\n")
                                .orElse(""),
                        prefix,
                        csrf(csrfToken),
                        text(username));
        return layout(Optional.empty(), "", body);
    }

    String list(ListPage page) {
        StringBuilder body = new StringBuilder();
        page.revoked()
                .ifPresent(k -> body.append("<p class=\"notice\" role=\"status\">Key <code>")
                        .append(text(k.keyId()))
                        .append("</code> ")
                        .append(label(k))
                        .append(" is revoked: it no longer " + "works.</p>\n"));
        page.created().ifPresent(c -> body.append(created(c)));
        body.append(table(page)).append(createForm(page));
        return layout(Optional.of(page.user()), page.csrfToken(), body.toString());
    }

    String error(int status, String detail) {
        String body = """
            <section class="card">
            <h2>%d</h2>
            <p class="error" role="alert">%s</p>
            <p><a href="%s">Back to your API keys</a></p>
            </section>
            """.formatted(status, text(detail), prefix);
        return layout(Optional.empty(), "", body);
    }

    private String created(CreatedApiKey made) {
        return """
            <section class="card created" aria-labelledby="created-title">
            <h2 id="created-title">New key %s</h2>
            <p><strong>Copy it now: it is shown this once and cannot be shown again.</strong> Send it as \
            <code>Authorization: Api-Key &lt;key&gt;</code>.</p>
            <div class="secret">
            <input id="new-key" class="secret-value" readonly value="%s" aria-label="The new API key" \
            spellcheck="false" autocomplete="off">
            <button type="button" class="copy" data-copy="new-key" hidden>Copy</button>
            </div>
            <p class="copy-status" role="status" aria-live="polite"></p>
            </section>
            """.formatted(label(made.key()), text(made.credential()));
    }

    private String table(ListPage page) {
        StringBuilder out = new StringBuilder("<section class=\"card\">\n<h2>Your keys</h2>\n");
        if (page.keys().isEmpty()) {
            return out.append("<p class=\"empty\">You have no API keys yet.</p>\n</section>\n")
                    .toString();
        }
        out.append("<table class=\"keys\">\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Key id</th>"
                + "<th scope=\"col\">Created</th><th scope=\"col\">Expires</th><th scope=\"col\">Last used</th>"
                + "<th scope=\"col\">Status</th><th scope=\"col\"><span class=\"hidden\">Actions</span></th></tr>"
                + "</thead>\n<tbody>\n");
        for (ApiKey key : page.keys()) {
            out.append("<tr data-key-id=\"")
                    .append(text(key.keyId()))
                    .append("\">")
                    .append("<td class=\"name\">")
                    .append(key.name().isEmpty() ? "<em>unnamed</em>" : text(key.name()))
                    .append(key.role()
                            .map(r -> " <span class=\"role\">as " + text(r) + "</span>")
                            .orElse(""))
                    .append("</td><td><code>")
                    .append(text(key.keyId()))
                    .append("</code></td>")
                    .append("<td>")
                    .append(time(key.createdAt()))
                    .append("</td>")
                    .append("<td>")
                    .append(key.expiresAt().map(Html::time).orElse("never"))
                    .append("</td>")
                    .append("<td>")
                    .append(key.lastUsedAt().map(Html::time).orElse("never"))
                    .append("</td>")
                    .append("<td class=\"status\">")
                    .append(status(key, page.now()))
                    .append("</td>")
                    .append("<td>")
                    .append(key.revoked() ? "" : revokeForm(key, page.csrfToken()))
                    .append("</td>")
                    .append("</tr>\n");
        }
        return out.append("</tbody>\n</table>\n</section>\n").toString();
    }

    private String revokeForm(ApiKey key, String csrfToken) {
        return "<form method=\"post\" action=\"" + prefix + text(key.keyId()) + "/revoke/\">" + csrf(csrfToken)
                + "<button type=\"submit\" class=\"danger\" aria-label=\"Revoke " + text(key.keyId())
                + "\">Revoke</button></form>";
    }

    private String createForm(ListPage page) {
        Entered in = page.entered();
        return """
            <section class="card">
            <h2>Create a key</h2>
            %s<form method="post" action="%screate/" class="stack">
            %s
            <label for="name">Name</label>
            <input id="name" name="name" maxlength="100" value="%s" placeholder="e.g. ci, laptop">
            %s<label for="expires_on">Expires on <span class="hint">(optional: it stops working at 00:00 UTC \
            that day)</span></label>
            <input id="expires_on" name="expires_on" type="date" value="%s">
            %s%s<button type="submit">Create key</button>
            </form>
            </section>
            """.formatted(
                        errors(in, "non_field_errors"),
                        prefix,
                        csrf(page.csrfToken()),
                        text(in.name()),
                        errors(in, "name"),
                        text(in.expiresOn()),
                        errors(in, "expires_on"),
                        roleSelect(page.user(), in));
    }

    private String roleSelect(User user, Entered in) {
        if (user.roles().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<label for=\"role\">Acts as</label>\n<select id=\"role\" name=\"role\">"
                + "<option value=\"\">you, with all your roles</option>");
        for (String role : new TreeSet<>(user.roles())) {
            out.append("<option value=\"")
                    .append(text(role))
                    .append('"')
                    .append(role.equals(in.role()) ? " selected" : "")
                    .append(">the role ")
                    .append(text(role))
                    .append(" only</option>");
        }
        return out.append("</select>\n").append(errors(in, "role")).toString();
    }

    private static String errors(Entered in, String field) {
        StringBuilder out = new StringBuilder();
        for (String sentence : in.errors().getOrDefault(field, List.of())) {
            out.append("<p class=\"error\" role=\"alert\">")
                    .append(text(sentence))
                    .append("</p>\n");
        }
        return out.toString();
    }

    private static String status(ApiKey key, Instant now) {
        if (key.revoked()) {
            return "<span class=\"badge revoked\">revoked</span> "
                    + time(key.revokedAt().orElseThrow());
        }
        return key.expired(now)
                ? "<span class=\"badge expired\">expired</span>"
                : "<span class=\"badge active\">active</span>";
    }

    private static String label(ApiKey key) {
        return key.name().isEmpty() ? "" : "“" + text(key.name()) + "”";
    }

    private static String csrf(String token) {
        return "<input type=\"hidden\" name=\"csrf_token\" value=\"" + text(token) + "\">";
    }

    private String layout(Optional<User> user, String csrfToken, String main) {
        String who = user.map(u -> """
            <div class="who">Signed in as <strong>%s</strong>
            <form method="post" action="%slogout/">%s<button type="submit" class="link">Sign out</button></form>
            </div>
            """.formatted(text(u.username()), prefix, csrf(csrfToken)))
                .orElse("");
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>API keys · %s</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="%skeys.css">
            <script src="%skeys.js" defer></script>
            </head>
            <body>
            <header><h1>API keys <span class="site">%s</span></h1>
            %s</header>
            <main>
            %s</main>
            </body>
            </html>
            """.formatted(text(title), prefix, prefix, text(title), who, main);
    }
}
