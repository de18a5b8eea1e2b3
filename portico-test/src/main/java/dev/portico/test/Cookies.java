package dev.portico.test;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads one {@code Set-Cookie} header as a browser does (RFC 6265): the jar and the cookie assertions share it. */
final class Cookies {

    private Cookies() {}

    /** The cookie's name, or "" when the header names none. */
    static String name(String header) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        return eq <= 0 ? "" : pair.substring(0, eq).strip();
    }

    /** The cookie's value, "" for none. */
    static String value(String header) {
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        return eq < 0 ? "" : pair.substring(eq + 1).strip();
    }

    /** The {@code Max-Age} in seconds, or null when there is none a browser would read. */
    static Long maxAge(String header) {
        String text = attribute(header, "max-age");
        try {
            return text == null ? null : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null; // a browser ignores a malformed Max-Age
        }
    }

    /** The {@code Expires} date, or null when there is none a browser would read. */
    static Instant expires(String header) {
        String text = attribute(header, "expires");
        try {
            return text == null
                    ? null
                    : ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
        } catch (DateTimeParseException e) {
            return null; // a browser ignores an Expires it cannot read
        }
    }

    /** When the cookie goes, from {@code now}: {@code Max-Age} first, then {@code Expires}; null for a session cookie. */
    static Instant expiry(String header, Instant now) {
        Long maxAge = maxAge(header);
        return maxAge != null ? now.plusSeconds(Math.max(0, maxAge)) : expires(header);
    }

    /**
     * Whether the header, received at {@code now}, removes the cookie: {@code Max-Age} zero or less, or (without
     * one) an {@code Expires} not after {@code now}.
     */
    static boolean expired(String header, Instant now) {
        Instant expiry = expiry(header, now);
        return expiry != null && !expiry.isAfter(now);
    }

    /** Whether the header has {@code attribute} ({@code HttpOnly}, {@code SameSite=Lax}), without case or spaces. */
    static boolean has(String header, String attribute) {
        String wanted = attribute.replace(" ", "").toLowerCase(Locale.ROOT);
        String[] parts = header.split(";");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].replace(" ", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** The value of attribute {@code key} (lower case), or null. */
    private static String attribute(String header, String key) {
        String[] parts = header.split(";");
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals(key)) {
                return part.substring(eq + 1).strip();
            }
        }
        return null;
    }
}
