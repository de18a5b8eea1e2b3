package dev.portico.admin;

import dev.portico.data.model.ModelField;
import dev.portico.data.query.QueryInput;
import dev.portico.data.query.QuerySpec;
import dev.portico.error.ApiException;
import dev.portico.http.Request;
import dev.portico.http.Response;
import dev.portico.pagination.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The change list of a model (Django's {@code changelist_view}): the chosen columns, search, the resource's own
 * filters, ordering by a column's header, pages of {@value Registered#PAGE_SIZE}, and the rows to tick for a bulk
 * delete. The query is the resource's list query language, so {@code ?title__icontains=} means here what it means
 * in the API; a bad value is shown on the page, never a 500.
 */
final class ListView<T extends Record> {
    private final Site site;
    private final Registered<T> m;

    ListView(Site site, Registered<T> model) {
        this.site = site;
        this.m = model;
    }

    Response show(Request request) throws Exception {
        Map<String, List<String>> params = params(request);
        Map<String, Object> scope = site.scope(request, Labels.humanise(m.plural), m.slug);
        Page<T> page;
        try {
            page = m.rows.page(m.spec.parse(new QueryInput(request.path(), "", params)));
        } catch (ApiException e) {
            scope.put("problem", e.detail() + describe(e));
            params.keySet().retainAll(List.of(QuerySpec.SEARCH));
            page = m.rows.page(m.spec.parse(new QueryInput(request.path(), "", params)));
        }
        scope.put("model", modelScope());
        scope.put("search", first(params, QuerySpec.SEARCH));
        scope.put("searchable", m.spec.searchable());
        scope.put("columns", headers(params));
        scope.put("rows", rows(page));
        scope.put("count", page.count());
        scope.put("filters", filters(params));
        scope.put("hasFilters", !((List<?>) scope.get("filters")).isEmpty());
        scope.put("kept", kept(params));
        List<Map<String, Object>> pages = pages(params, page.count());
        scope.put("pages", pages);
        scope.put("hasPages", !pages.isEmpty());
        request.query("done").ifPresent(d -> scope.put("done", d));
        return site.pages.render(200, "list", scope);
    }

    private static String describe(ApiException e) {
        if (e instanceof dev.portico.error.ValidationFailed v) {
            StringBuilder out = new StringBuilder();
            v.errors().forEach((k, s) -> out.append(' ').append(k).append(": ").append(String.join(" ", s)));
            return out.toString();
        }
        return "";
    }

    Map<String, Object> modelScope() {
        return Map.of(
                "name",
                m.name,
                "plural",
                Labels.humanise(m.plural),
                "url",
                site.prefix + m.slug + "/",
                "canAdd",
                m.addForm.isPresent(),
                "lower",
                m.plural);
    }

    /** The query parameters the list understands, without empty ones (an untouched filter field sends ""). */
    private Map<String, List<String>> params(Request request) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String name : request.queryNames()) {
            List<String> values =
                    request.queryAll(name).stream().filter(v -> !v.isBlank()).toList();
            if (!values.isEmpty() && !name.equals("done")) {
                params.put(name, values);
            }
        }
        return params;
    }

    private List<Map<String, Object>> headers(Map<String, List<String>> params) {
        String ordering = first(params, QuerySpec.ORDERING);
        List<Map<String, Object>> out = new ArrayList<>();
        for (ModelField f : m.columns) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("label", Labels.humanise(f.name()));
            String field = m.wireName(f);
            if (m.spec.orderingFields().contains(field)) {
                boolean asc = ordering.equals(field);
                boolean desc = ordering.equals("-" + field);
                c.put("sortUrl", link(params, QuerySpec.ORDERING, asc ? "-" + field : field, true));
                c.put("ariaSort", asc ? "ascending" : desc ? "descending" : "none");
                c.put("arrow", asc ? "▲" : desc ? "▼" : "");
                c.put(
                        "sortLabel",
                        "Sort by " + Labels.humanise(f.name()).toLowerCase(java.util.Locale.ROOT)
                                + (asc ? ", descending" : ", ascending"));
            }
            out.add(c);
        }
        return out;
    }

    private List<Map<String, Object>> rows(Page<T> page) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (T row : page.results()) {
            List<Map<String, Object>> cells = new ArrayList<>();
            boolean first = true;
            for (ModelField f : m.columns) {
                Object v = m.model.value(row, f);
                String shown = Registered.show(v);
                cells.add(Map.of("value", shown.isEmpty() ? "—" : shown, "first", first));
                first = false;
            }
            out.add(Map.of(
                    "key",
                    m.key(row),
                    "label",
                    m.label(row),
                    "cells",
                    cells,
                    "url",
                    site.prefix + m.slug + "/" + m.key(row) + "/change/"));
        }
        return out;
    }

    /** The sidebar's groups of links; each keeps the other parameters, drops the page, and marks the current one. */
    private List<Map<String, Object>> filters(Map<String, List<String>> params) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FilterLinks.Group g : FilterLinks.groups(m.filters, site.clock)) {
            Map<String, String> chosen = new LinkedHashMap<>();
            g.owned().forEach(name -> {
                if (params.containsKey(name)) {
                    chosen.put(name, first(params, name));
                }
            });
            List<Map<String, Object>> links = new ArrayList<>();
            for (FilterLinks.Choice c : g.choices()) {
                Map<String, List<String>> next = new LinkedHashMap<>(params);
                next.keySet().removeAll(g.owned());
                next.remove(QuerySpec.PAGE);
                c.params().forEach((k, v) -> next.put(k, List.of(v)));
                links.add(Map.of("label", c.label(), "url", url(next), "current", chosen.equals(c.params())));
            }
            out.add(Map.of("title", g.title(), "id", "filter-" + g.field(), "links", links));
        }
        return out;
    }

    /** The current parameters but the search and the page, for the search form to keep. */
    private static List<Map<String, String>> kept(Map<String, List<String>> params) {
        List<Map<String, String>> out = new ArrayList<>();
        params.forEach((name, values) -> {
            if (!name.equals(QuerySpec.SEARCH) && !name.equals(QuerySpec.PAGE)) {
                values.forEach(v -> out.add(Map.of("name", name, "value", v)));
            }
        });
        return out;
    }

    private List<Map<String, Object>> pages(Map<String, List<String>> params, long count) {
        long last = Math.max(1, (count + Registered.PAGE_SIZE - 1) / Registered.PAGE_SIZE);
        long current = pageNumber(first(params, QuerySpec.PAGE), last);
        List<Map<String, Object>> out = new ArrayList<>();
        if (last == 1) {
            return out;
        }
        for (long n = 1; n <= last; n++) {
            if (n == 1 || n == last || Math.abs(n - current) <= 2) {
                out.add(Map.of(
                        "number",
                        n,
                        "url",
                        link(params, QuerySpec.PAGE, String.valueOf(n), false),
                        "current",
                        n == current));
            }
        }
        return out;
    }

    private static long pageNumber(String text, long last) {
        if (text.equals("last")) {
            return last;
        }
        try {
            return Math.min(last, Math.max(1, Long.parseLong(text)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** This list's URL with one parameter set (and the page reset when the ordering changes). */
    private String link(Map<String, List<String>> params, String name, String value, boolean resetPage) {
        Map<String, List<String>> next = new LinkedHashMap<>(params);
        next.put(name, List.of(value));
        if (resetPage) {
            next.remove(QuerySpec.PAGE);
        }
        return url(next);
    }

    /** This list's URL with these parameters. */
    private String url(Map<String, List<String>> next) {
        StringBuilder url = new StringBuilder(site.prefix).append(m.slug).append("/");
        String sep = "?";
        for (Map.Entry<String, List<String>> e : next.entrySet()) {
            for (String v : e.getValue()) {
                url.append(sep).append(Site.encode(e.getKey())).append('=').append(Site.encode(v));
                sep = "&";
            }
        }
        return url.toString();
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }
}
