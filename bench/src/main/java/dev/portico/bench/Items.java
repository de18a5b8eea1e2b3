package dev.portico.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The data both servers serve: 1000 items in memory, paged DRF-style. */
public final class Items {
    /** One item. */
    public record Item(long id, String title, String content, Instant createdAt) {}

    /** A DRF page: {@code {count, next, previous, results}}. */
    public record Page(int count, String next, String previous, List<Item> results) {}

    /** The answer of {@code /json}. */
    public record Message(String message) {}

    static final List<Item> ALL = build();
    static final String API_KEY = "Api-Key test-key";

    private Items() {}

    private static List<Item> build() {
        List<Item> items = new ArrayList<>(1000);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= 1000; i++) {
            items.add(new Item(
                    i,
                    "Item " + i,
                    "Content of item " + i + ", long enough to look like a post.",
                    base.plusSeconds(i * 60L)));
        }
        return List.copyOf(items);
    }

    static Page page(int limit, int offset) {
        int from = Math.min(Math.max(offset, 0), ALL.size());
        int to = Math.min(from + Math.max(limit, 0), ALL.size());
        String next = to < ALL.size() ? "/api/items?limit=" + limit + "&offset=" + to : null;
        String previous = from > 0 ? "/api/items?limit=" + limit + "&offset=" + Math.max(0, from - limit) : null;
        return new Page(ALL.size(), next, previous, ALL.subList(from, to));
    }
}
