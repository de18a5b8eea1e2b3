package dev.portico.auth.browsable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The breadcrumbs of a path, as DRF's: {@code /api/posts/3/} is Api / Posts / 3, each a link but the last. */
final class Crumbs {
    private Crumbs() {}

    static List<Map<String, Object>> of(String path) {
        List<Map<String, Object>> crumbs = new ArrayList<>();
        StringBuilder at = new StringBuilder("/");
        String[] segments = path.split("/");
        List<String> parts = new ArrayList<>();
        for (String s : segments) {
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            at.append(parts.get(i)).append(path.endsWith("/") || i + 1 < parts.size() ? "/" : "");
            Map<String, Object> crumb = new HashMap<>();
            crumb.put(
                    "name",
                    parts.get(i).isEmpty()
                            ? ""
                            : Character.toUpperCase(parts.get(i).charAt(0))
                                    + parts.get(i).substring(1).replace('_', ' '));
            crumb.put("url", at.toString());
            crumb.put(i + 1 == parts.size() ? "current" : "link", true);
            crumbs.add(crumb);
        }
        return crumbs;
    }
}
