package dev.portico.admin;

import dev.portico.auth.accounts.User;
import dev.portico.data.model.ModelField;
import dev.portico.data.resource.PreconditionFailed;
import dev.portico.error.NotFound;
import dev.portico.http.Request;
import dev.portico.http.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The add and change forms of one model (Django's {@code add_view} and {@code change_view}). A change posts the
 * version it was made from; if the row moved on meanwhile, nothing is written and the form comes back (409) saying
 * who saved it, so two editors never silently overwrite each other. Every save writes an audit log entry naming
 * the fields that changed.
 */
final class ObjectViews<T extends Record> {
    private final Site site;
    private final Registered<T> m;
    private final ListView<T> list;

    ObjectViews(Site site, Registered<T> model, ListView<T> list) {
        this.site = site;
        this.m = model;
        this.list = list;
    }

    Response addForm(Request request) {
        FormPlan plan = m.addForm.orElseThrow(NotFound::new);
        return form(request, 200, plan, null, Map.of(), Map.of(), 0, null);
    }

    Response add(Request request) throws Exception {
        FormPlan plan = m.addForm.orElseThrow(NotFound::new);
        FormPlan.Submitted sent = plan.read(Site.fields(request));
        if (!sent.errors().isEmpty()) {
            return form(request, 400, plan, null, sent.entered(), sent.errors(), 0, null);
        }
        Map<String, Object> values = new LinkedHashMap<>(sent.values());
        values.values().removeIf(Objects::isNull); // not given: the column's default
        User by = user(request);
        T row = m.rows.insert(
                values,
                request,
                (c, added) -> site.log.record(c, by, m.slug, m.key(added), m.label(added), LogEntry.ADDED, "Added."));
        return Pages.seeOther(
                site.prefix + m.slug + "/?done=" + Site.encode("The " + m.name + " “" + m.label(row) + "” was added."));
    }

    Response changeForm(Request request) throws Exception {
        FormPlan plan = m.changeForm.orElseThrow(NotFound::new);
        T row = row(request);
        return form(request, 200, plan, row, current(plan, row), Map.of(), m.version(row), null);
    }

    Response change(Request request) throws Exception {
        FormPlan plan = m.changeForm.orElseThrow(NotFound::new);
        T before = row(request);
        FormPlan.Submitted sent = plan.read(Site.fields(request));
        long version = parseVersion(Site.fields(request).getOrDefault("version", ""));
        if (!sent.errors().isEmpty()) {
            return form(request, 400, plan, before, sent.entered(), sent.errors(), version, null);
        }
        Map<String, Object> values = writes(sent.values());
        User by = user(request);
        T after;
        try {
            after = m.rows.update(
                    m.model.value(before, m.model.key()),
                    values,
                    version,
                    (c, written) -> site.log.record(
                            c,
                            by,
                            m.slug,
                            m.key(written),
                            m.label(written),
                            LogEntry.CHANGED,
                            changed(plan, before, written)));
        } catch (PreconditionFailed e) {
            return form(request, 409, plan, before, sent.entered(), Map.of(), m.version(before), conflict(before));
        }
        return Pages.seeOther(site.prefix + m.slug + "/?done="
                + Site.encode("The " + m.name + " “" + m.label(after) + "” was changed."));
    }

    /** An empty field clears a nullable column on a change, and leaves a required one as it is. */
    private Map<String, Object> writes(Map<String, Object> sent) {
        Map<String, Object> values = new LinkedHashMap<>();
        sent.forEach((name, value) -> {
            ModelField f = m.model.field(name).orElseThrow();
            boolean nullable =
                    !m.model.type().getRecordComponents()[f.index()].getType().isPrimitive()
                            && !dev.portico.input.Fields.required(m.model.type().getRecordComponents()[f.index()]);
            if (value != null || nullable) {
                values.put(name, value);
            }
        });
        return values;
    }

    private String conflict(T current) {
        List<LogEntry> history = site.log.history(m.slug, m.key(current));
        String who = history.isEmpty() ? "someone else" : history.getLast().username();
        return "This " + m.name + " was changed by " + who + " while you were editing it, so your changes were not "
                + "saved. Your entries are below; the saved version may differ. Save again to replace it with yours, "
                + "or open the " + m.name + " again to start from the saved version.";
    }

    /** Django's change message: {@code Changed title and draft.}, or {@code No fields changed.} */
    private String changed(FormPlan plan, T before, T after) {
        List<String> names = new ArrayList<>();
        for (FormField f : plan.fields()) {
            ModelField mf = m.model.field(f.name()).orElseThrow();
            if (!Objects.equals(m.model.value(before, mf), m.model.value(after, mf))) {
                names.add(f.label().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (names.isEmpty()) {
            return "No fields changed.";
        }
        String joined = names.size() == 1
                ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
        return "Changed " + joined + ".";
    }

    T row(Request request) throws Exception {
        Object key = m.parseKey(request.pathParam("id")).orElseThrow(NotFound::new);
        return m.rows.find(key).orElseThrow(NotFound::new);
    }

    static User user(Request request) {
        return Staff.of(request).orElseThrow();
    }

    private static long parseVersion(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw dev.portico.error.ValidationFailed.of("version", "The form is missing its version; open it again.");
        }
    }

    private Map<String, String> current(FormPlan plan, T row) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FormField f : plan.fields()) {
            Object v = m.model.value(row, m.model.field(f.name()).orElseThrow());
            out.put(
                    f.name(),
                    f.widget() == FormField.Widget.CHECKBOX
                            ? (Boolean.TRUE.equals(v) ? "on" : "")
                            : Registered.text(v));
        }
        return out;
    }

    private Response form(
            Request request,
            int status,
            FormPlan plan,
            T row,
            Map<String, String> entered,
            Map<String, List<String>> errors,
            long version,
            String conflict) {
        String heading = row == null ? "Add " + m.name : "Change " + m.name;
        Map<String, Object> scope = site.scope(request, heading, m.slug);
        scope.put("model", list.modelScope());
        scope.put("heading", heading);
        scope.put("action", site.prefix + m.slug + "/" + (row == null ? "add/" : m.key(row) + "/change/"));
        scope.put("fields", Fields.scopes(plan, entered, errors));
        scope.put("errorCount", errors.size());
        scope.put("hasErrors", !errors.isEmpty());
        scope.put("conflict", conflict);
        if (row != null) {
            scope.put(
                    "object",
                    Map.of(
                            "label",
                            m.label(row),
                            "version",
                            version,
                            "deleteUrl",
                            site.prefix + m.slug + "/" + m.key(row) + "/delete/",
                            "historyUrl",
                            site.prefix + m.slug + "/" + m.key(row) + "/history/"));
        }
        return site.pages.render(status, "form", scope);
    }

    /** The template's view of the fields. */
    static final class Fields {
        private Fields() {}

        static List<Map<String, Object>> scopes(
                FormPlan plan, Map<String, String> entered, Map<String, List<String>> errors) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (FormField f : plan.fields()) {
                Map<String, Object> s = new LinkedHashMap<>();
                String value = entered.getOrDefault(f.name(), "");
                s.put("name", f.name());
                s.put("id", "id_" + f.name());
                s.put("label", f.label());
                s.put("required", f.required());
                s.put("value", value);
                s.put(f.widget().name().toLowerCase(java.util.Locale.ROOT), true);
                s.put("checked", !value.isEmpty() && !value.equals("false"));
                if (f.maxLength() > 0) {
                    s.put("maxLength", f.maxLength());
                }
                if (!f.help().isEmpty()) {
                    s.put("help", f.help());
                }
                s.put(
                        "choices",
                        f.choices().stream()
                                .map(c -> Map.of("value", c, "selected", c.equals(value)))
                                .toList());
                Optional.ofNullable(errors.get(f.name())).ifPresent(e -> s.put("errors", e));
                s.put("invalid", errors.containsKey(f.name()));
                String describedBy = (!f.help().isEmpty() ? "id_" + f.name() + "_help " : "")
                        + (errors.containsKey(f.name()) ? "id_" + f.name() + "_error" : "");
                s.put("describedBy", describedBy.strip());
                out.add(s);
            }
            return out;
        }
    }
}
