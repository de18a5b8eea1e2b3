package dev.portico.openapi;

import java.util.Arrays;
import java.util.List;

/** Matches route templates against globs: {@code *} is one segment, {@code **} any number; used at startup only. */
final class PathGlob {

    private PathGlob() {}

    /** Whether {@code template} ({@code /api/posts/{id}/}) matches {@code glob} ({@code /api/**}). */
    static boolean matches(String glob, String template) {
        return matches(segments(glob), 0, segments(template), 0);
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean matches(List<String> glob, int g, List<String> path, int p) {
        if (g == glob.size()) {
            return p == path.size();
        }
        String part = glob.get(g);
        if (part.equals("**")) {
            for (int skip = p; skip <= path.size(); skip++) {
                if (matches(glob, g + 1, path, skip)) {
                    return true;
                }
            }
            return false;
        }
        return p < path.size() && (part.equals("*") || part.equals(path.get(p))) && matches(glob, g + 1, path, p + 1);
    }
}
