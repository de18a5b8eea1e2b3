package dev.portico.data.query;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/** The test resource: a posts table of 25 rows with awkward titles, and its query declaration. */
final class Posts {
    static final int ROWS = 25;
    static final BaseUrl BASE = BaseUrl.of("https://api.example.com");

    private Posts() {}

    static QuerySpecBuilder spec() {
        return QuerySpec.builder("posts")
                .id("id", Long.class)
                .field("title", String.class)
                .filters("title", Lookup.EXACT, Lookup.ICONTAINS, Lookup.IN)
                .field("content", String.class)
                .field("salary", BigDecimal.class)
                .filters("salary", Lookup.EXACT, Lookup.GT, Lookup.GTE, Lookup.LT, Lookup.LTE)
                .field("views", Integer.class)
                .filters("views", Lookup.IN, Lookup.GT)
                .field("published", Boolean.class)
                .filters("published", Lookup.EXACT)
                .field("created_on", LocalDate.class)
                .filters("created_on", Lookup.GTE, Lookup.LT)
                .field("author", String.class)
                .filters("author", Lookup.EXACT, Lookup.ISNULL)
                .ordering("created_on", "title", "salary", "id")
                .search("title", "content")
                .defaultOrdering("-created_on");
    }

    static String title(int i) {
        return switch (i) {
            case 1 -> "Hello World";
            case 2 -> "100% sure";
            case 3 -> "under_score";
            case 4 -> "back\\slash";
            case 5 -> "O'Reilly";
            default -> "Post " + i;
        };
    }

    static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE posts (id BIGINT PRIMARY KEY, title VARCHAR(200) NOT NULL, content VARCHAR(2000),"
                    + " salary NUMERIC(10, 2), views INT, published BOOLEAN, created_on DATE NOT NULL,"
                    + " author VARCHAR(100), password VARCHAR(100))");
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO posts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= ROWS; i++) {
                st.setLong(1, i);
                st.setString(2, title(i));
                st.setString(3, "content " + i + (i % 2 == 0 ? " about Java" : " about tea"));
                st.setBigDecimal(4, BigDecimal.valueOf(i * 100L, 0).setScale(2));
                st.setInt(5, i % 5);
                st.setBoolean(6, i % 2 == 0);
                st.setObject(7, LocalDate.of(2024, 1, 1).plusDays(i % 10));
                st.setString(8, i % 3 == 0 ? null : (i % 2 == 0 ? "alice" : "bob"));
                st.setString(9, "secret" + i);
                st.addBatch();
            }
            st.executeBatch();
        }
    }
}
