package dev.portico.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand, so that expiry (tokens, sessions, keys), throttle windows and cache TTLs are tried
 * without sleeping. Give it to the application with {@code PorticoConfig.builder().clock(clock)}; every module reads
 * the time from there. Safe to move from one thread while requests read it from others.
 * <pre>{@code
 * MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));
 * clock.advance(Duration.ofMinutes(6));   // an access token of 5 minutes has expired
 * }</pre>
 */
public final class MutableClock extends Clock {
    private volatile Instant now;

    private MutableClock(Instant now) {
        this.now = now;
    }

    /** At {@code instant}. */
    public static MutableClock at(Instant instant) {
        return new MutableClock(java.util.Objects.requireNonNull(instant, "instant"));
    }

    /** At the current time, to the millisecond: what a test starts from when the exact instant does not matter. */
    public static MutableClock now() {
        return at(Instant.ofEpochMilli(System.currentTimeMillis()));
    }

    /** Moves to {@code instant}, backwards too. */
    public MutableClock set(Instant instant) {
        this.now = java.util.Objects.requireNonNull(instant, "instant");
        return this;
    }

    /** Moves forward by {@code duration} (backwards when it is negative). */
    public synchronized MutableClock advance(Duration duration) {
        this.now = now.plus(duration);
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public long millis() {
        return now.toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock: the zone does not matter to instants, and a copy would not move with the test. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public String toString() {
        return "MutableClock[" + now + "]";
    }
}
