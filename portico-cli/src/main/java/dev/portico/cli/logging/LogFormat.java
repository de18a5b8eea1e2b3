package dev.portico.cli.logging;

/** How log lines are written: as the app's own Logback configuration says, or as one JSON object per line. */
public enum LogFormat {
    /** The app's {@code logback.xml} as written: text lines for a person at a terminal. */
    TEXT,
    /** One JSON object per line, for a log collector (Loki, Elasticsearch, CloudWatch, ...). */
    JSON
}
