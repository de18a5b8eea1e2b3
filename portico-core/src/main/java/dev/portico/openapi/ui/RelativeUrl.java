package dev.portico.openapi.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The URL of one absolute path as seen from a page at another, so the docs pages keep finding the schema
 * when the whole application is served under a prefix by a proxy ({@code /blog/api/schema/}).
 */
final class RelativeUrl {

    private RelativeUrl() {}

    /**
     * {@code target} relative to the page at {@code page} (a directory path ending in {@code /}):
     * {@code ("/api/schema/swagger-ui/", "/api/schema/")} gives {@code ../}. The query of the target is kept.
     */
    static String from(String page, String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q);
        List<String> base = directories(page);
        List<String> dirs = directories(path);
        String file = path.substring(path.lastIndexOf('/') + 1);
        int common = 0;
        while (common < base.size() && common < dirs.size() && base.get(common).equals(dirs.get(common))) {
            common++;
        }
        StringBuilder url = new StringBuilder();
        url.append("../".repeat(base.size() - common));
        for (String dir : dirs.subList(common, dirs.size())) {
            url.append(dir).append('/');
        }
        url.append(file);
        // "./" keeps a first segment such as "v1:docs" from being read as a URL scheme
        return (url.isEmpty() || url.charAt(0) != '.' ? "./" : "") + url + query;
    }

    private static List<String> directories(String path) {
        List<String> dirs = new ArrayList<>();
        int start = 1;
        for (int slash = path.indexOf('/', start); slash >= 0; slash = path.indexOf('/', start)) {
            dirs.add(path.substring(start, slash));
            start = slash + 1;
        }
        return dirs;
    }
}
