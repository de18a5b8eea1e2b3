package dev.portico.throttle;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * A rate: at most {@code limit} requests per {@code duration}, counted in fixed windows aligned on the epoch (window
 * {@code n} covers {@code [n * duration, (n + 1) * duration)}), so every instance sharing a store counts the same
 * window without talking to the others.
 *
 * @param limit the requests allowed per window, at least 1
 * @param duration the window's length, at least one millisecond
 */
public record Rate(long limit, Duration duration) {
    private static final Map<String, Duration> PERIODS = Map.ofEntries(
            Map.entry("s", Duration.ofSeconds(1)),
            Map.entry("sec", Duration.ofSeconds(1)),
            Map.entry("second", Duration.ofSeconds(1)),
            Map.entry("seconds", Duration.ofSeconds(1)),
            Map.entry("m", Duration.ofMinutes(1)),
            Map.entry("min", Duration.ofMinutes(1)),
            Map.entry("minute", Duration.ofMinutes(1)),
            Map.entry("minutes", Duration.ofMinutes(1)),
            Map.entry("h", Duration.ofHours(1)),
            Map.entry("hour", Duration.ofHours(1)),
            Map.entry("hours", Duration.ofHours(1)),
            Map.entry("d", Duration.ofDays(1)),
            Map.entry("day", Duration.ofDays(1)),
            Map.entry("days", Duration.ofDays(1)));

    /** Checks the values. */
    public Rate {
        if (limit < 1) {
            throw new IllegalArgumentException("a throttle's limit must be at least 1 request (was " + limit + ")");
        }
        if (duration.toMillis() < 1) {
            throw new IllegalArgumentException("a throttle's duration must be at least 1 ms (was " + duration + ")");
        }
    }

    /**
     * DRF's rate string, {@code "100/min"}: a number, a slash and a period, {@code s}/{@code sec}, {@code m}/{@code min},
     * {@code h}/{@code hour} or {@code d}/{@code day} (plural and long forms too). DRF reads only the period's first
     * letter, so its {@code "10/month"} means per minute; here an unknown period fails instead, naming the ones known.
     */
    public static Rate parse(String rate) {
        int slash = rate.indexOf('/');
        String fix = " (write it as DRF does: \"100/min\", with s, sec, m, min, h, hour, d or day)";
        if (slash < 0) {
            throw new IllegalArgumentException("throttle rate '" + rate + "' has no '/'" + fix);
        }
        long limit;
        try {
            limit = Long.parseLong(rate.substring(0, slash).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("throttle rate '" + rate + "' does not start with a number" + fix);
        }
        Duration period = PERIODS.get(rate.substring(slash + 1).trim().toLowerCase(Locale.ROOT));
        if (period == null) {
            throw new IllegalArgumentException("throttle rate '" + rate + "' has an unknown period" + fix);
        }
        return new Rate(limit, period);
    }

    /** The number of the window that {@code epochMillis} falls in. */
    public long window(long epochMillis) {
        return Math.floorDiv(epochMillis, duration.toMillis());
    }

    /** The milliseconds from {@code epochMillis} to the end of its window, at least 1. */
    public long millisToWindowEnd(long epochMillis) {
        return (window(epochMillis) + 1) * duration.toMillis() - epochMillis;
    }

    /** Whole seconds, rounded up, for {@code RateLimit-Reset} and {@code Retry-After}. */
    public static long seconds(long millis) {
        return Math.max(0, (millis + 999) / 1000);
    }

    @Override
    public String toString() {
        return limit + "/" + duration;
    }
}
