package dev.portico.auth.account;

import dev.portico.auth.mail.Mailer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The links and wording of the account e-mails: a path setting after {@code site.url}, its placeholders filled. */
final class Links {
    private Links() {}

    /** {@code template} with each {@code {name}} replaced by its URL-encoded value, after the site's address. */
    static String of(Mailer mailer, String template, Map<String, String> values) {
        String link = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            link = link.replace("{" + v.getKey() + "}", URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8));
        }
        return link.startsWith("http://") || link.startsWith("https://") ? link : mailer.siteUrl() + link;
    }

    /** A lifetime as a message says it: {@code 3 days}, {@code 1 hour}, {@code 15 minutes}. */
    static String describe(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return plural(d.toDays(), "day");
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return plural(d.toHours(), "hour");
        }
        return plural(Math.max(1, d.toMinutes()), "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
