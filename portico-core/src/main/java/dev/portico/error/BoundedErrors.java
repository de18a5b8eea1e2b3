package dev.portico.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field errors by dotted path as a reader finds them, keeping the first {@code max} paths and only counting the
 * rest: a body of 800,000 unknown fields costs 100 entries and a number, not 800,000 entries. A reader asks
 * {@link #full()} to stop looking for more once nothing more would be kept.
 */
public final class BoundedErrors {
    private final int max;
    private final Map<String, List<String>> kept = new LinkedHashMap<>();
    private int count;
    private int omitted;

    /** Keeps at most {@code max} paths (the {@code limits.error-entries} setting). */
    public BoundedErrors(int max) {
        this.max = Math.max(1, max);
    }

    /** Adds {@code message} under {@code path}; only counted once {@code max} other paths are kept. */
    public void add(String path, String message) {
        count++;
        List<String> messages = kept.get(path);
        if (messages == null) {
            if (kept.size() >= max) {
                omitted++;
                return;
            }
            messages = new ArrayList<>(1);
            kept.put(path, messages);
        }
        messages.add(message);
    }

    /** Counts {@code n} problems found but not worth naming, as the reader skips them. */
    public void omit(int n) {
        count += n;
        omitted += n;
    }

    /** Whether a new path would no longer be kept. */
    public boolean full() {
        return kept.size() >= max;
    }

    /** Every problem found, kept or counted; a reader compares it before and after a field. */
    public int count() {
        return count;
    }

    /** The problems counted but not kept. */
    public int omitted() {
        return omitted;
    }

    /** The kept problems by path, in the order found. */
    public Map<String, List<String>> kept() {
        return kept;
    }

    /** Whether no problem was found. */
    public boolean isEmpty() {
        return count == 0;
    }
}
