package dev.portico.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, to put requests on the exact edges of a window. */
public final class MutableClock extends Clock {
    private volatile long millis;

    private MutableClock(long millis) {
        this.millis = millis;
    }

    /** At {@code epochMillis}. */
    public static MutableClock at(long epochMillis) {
        return new MutableClock(epochMillis);
    }

    /** Moves to {@code epochMillis}. */
    public void set(long epochMillis) {
        this.millis = epochMillis;
    }

    /** Moves forward by {@code duration}. */
    public void advance(Duration duration) {
        this.millis += duration.toMillis();
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
