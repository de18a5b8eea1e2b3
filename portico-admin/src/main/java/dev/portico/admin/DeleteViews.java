package dev.portico.admin;

import dev.portico.auth.accounts.User;
import dev.portico.data.resource.PreconditionFailed;
import dev.portico.http.Request;
import dev.portico.http.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deleting, one row or the rows ticked on the list (Django's {@code delete_view} and the "delete selected" action),
 * always through a confirmation page that lists what goes with them; then the history of one row. Each delete names
 * the version the confirmation showed, so a row changed meanwhile is not deleted unseen. The rows go in one
 * transaction with their audit entries, as Django's one query: if one of them changed, none is deleted.
 */
final class DeleteViews<T extends Record> {
    private final Site site;
    private final Registered<T> m;
    private final ObjectViews<T> objects;
    private final Related related;

    DeleteViews(Site site, Registered<T> model, ObjectViews<T> objects, Related related) {
        this.site = site;
        this.m = model;
        this.objects = objects;
        this.related = related;
    }

    Response confirmOne(Request request) throws Exception {
        return confirm(request, List.of(objects.row(request)), 200, null);
    }

    /** POST on the list: the ticked rows' confirmation; with {@code confirm=yes}, their deletion. */
    Response bulk(Request request) throws Exception {
        Map<String, String> fields = Site.fields(request);
        List<T> rows = new ArrayList<>();
        for (String key : Site.form(request).all("selected")) {
            m.parseKey(key).flatMap(k -> find(k)).ifPresent(rows::add);
        }
        if (rows.isEmpty()) {
            return Pages.seeOther(site.prefix + m.slug + "/?done="
                    + Site.encode("Tick the " + m.plural + " to delete first; nothing was deleted."));
        }
        if (!"yes".equals(fields.get("confirm"))) {
            return confirm(request, rows, 200, null);
        }
        return delete(request, rows, Site.form(request).all("version"));
    }

    Response deleteOne(Request request) throws Exception {
        T row = objects.row(request);
        return delete(request, List.of(row), Site.form(request).all("version"));
    }

    private Response delete(Request request, List<T> rows, List<String> versions) throws Exception {
        if (versions.size() != rows.size()) {
            return confirm(request, rows, 400, "The form is out of date; confirm again.");
        }
        List<Object> keys = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        try {
            for (int i = 0; i < rows.size(); i++) {
                keys.add(m.model.value(rows.get(i), m.model.key()));
                expected.add(Long.parseLong(versions.get(i)));
            }
        } catch (NumberFormatException e) {
            return confirm(request, rows, 400, "The form is out of date; confirm again.");
        }
        User by = ObjectViews.user(request);
        List<Boolean> deleted;
        try {
            deleted = m.rows.deleteAll(
                    keys,
                    expected,
                    (c, i) -> site.log.record(
                            c, by, m.slug, m.key(rows.get(i)), m.label(rows.get(i)), LogEntry.DELETED, "Deleted."));
        } catch (PreconditionFailed e) {
            return confirm(
                    request,
                    rows,
                    409,
                    rows.size() == 1
                            ? "The " + m.name + " “" + m.label(rows.getFirst())
                                    + "” was changed after this page was shown; " + "check it below and confirm again."
                            : "One of these " + m.plural
                                    + " was changed after this page was shown, so none was deleted; "
                                    + "check the list below and confirm again.");
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (deleted.get(i)) {
                labels.add("“" + m.label(rows.get(i)) + "”");
            }
        }
        String done = labels.size() == 1
                ? "The " + m.name + " " + labels.getFirst() + " was deleted."
                : "Deleted " + labels.size() + " " + m.plural + ".";
        return Pages.seeOther(site.prefix + m.slug + "/?done=" + Site.encode(done));
    }

    private java.util.Optional<T> find(Object key) {
        try {
            return m.rows.find(key);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response confirm(Request request, List<T> rows, int status, String problem) throws Exception {
        boolean one = rows.size() == 1;
        String heading = one ? "Delete " + m.name : "Delete " + rows.size() + " " + m.plural;
        Map<String, Object> scope = site.scope(request, heading, m.slug);
        scope.put(
                "model",
                Map.of("name", m.name, "plural", Labels.humanise(m.plural), "url", site.prefix + m.slug + "/"));
        scope.put("heading", heading);
        scope.put(
                "intro",
                one
                        ? "The " + m.name + " below will be deleted, with what is listed under it. This cannot "
                                + "be undone."
                        : "These " + rows.size() + " " + m.plural + " will be deleted, each with what is listed "
                                + "under it. This cannot be undone.");
        scope.put("problem", problem);
        scope.put(
                "action",
                one ? site.prefix + m.slug + "/" + m.key(rows.getFirst()) + "/delete/" : site.prefix + m.slug + "/");
        scope.put("bulk", !one);
        List<Map<String, Object>> items = new ArrayList<>();
        for (T row : rows) {
            List<Map<String, Object>> goes = new ArrayList<>();
            for (Related.Consequence c : related.of(m.model.table(), m.model.value(row, m.model.key()))) {
                goes.add(Map.of(
                        "text",
                        c.count() + " " + c.table().replace('_', ' ')
                                + (c.cascades() ? " (deleted with it)" : " (kept, no longer linked to it)")));
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("label", m.label(row));
            item.put("key", m.key(row));
            item.put("version", m.version(row));
            item.put("related", goes);
            item.put("hasRelated", !goes.isEmpty());
            item.put("alone", goes.isEmpty() ? "Nothing else refers to it." : "");
            item.put("url", site.prefix + m.slug + "/" + m.key(row) + "/change/");
            items.add(item);
        }
        scope.put("items", items);
        return site.pages.render(status, "delete", scope);
    }

    Response history(Request request) throws Exception {
        T row = objects.row(request);
        Map<String, Object> scope = site.scope(request, "History: " + m.label(row), m.slug);
        scope.put(
                "model",
                Map.of("name", m.name, "plural", Labels.humanise(m.plural), "url", site.prefix + m.slug + "/"));
        scope.put("object", Map.of("label", m.label(row), "url", site.prefix + m.slug + "/" + m.key(row) + "/change/"));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (LogEntry e : site.log.history(m.slug, m.key(row))) {
            entries.add(Map.of(
                    "time",
                    e.time().toString(),
                    "shown",
                    Registered.show(e.time()),
                    "user",
                    e.username(),
                    "action",
                    e.action(),
                    "message",
                    e.message()));
        }
        scope.put("entries", entries);
        return site.pages.render(200, "history", scope);
    }
}
