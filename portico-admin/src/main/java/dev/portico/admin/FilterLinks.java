package dev.portico.admin;

import dev.portico.data.query.QueryParameter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The list's filters as Django's admin shows them: a sidebar of links, not a form, so a URL only ever holds the
 * filters chosen. Each filtered field is a group, "All" first and the current link marked: booleans (Yes, No) and
 * enum choices from their exact lookup, and date or date-time fields as Django's {@code DateFieldListFilter} (Any
 * date, Today, Past 7 days, This month, This year, from their {@code __gte} and {@code __lt}/{@code __lte} lookups,
 * on the app's clock; No date and Has date from {@code __isnull}). Free-text and list lookups stay out: the search
 * box covers text, and any lookup still works typed in the URL.
 */
final class FilterLinks {
    private static final String GTE = "gte";
    private static final String LT = "lt";
    private static final String LTE = "lte";
    private static final String ISNULL = "isnull";

    /** One link: its label and the parameters of its field it sets (none for "All"). */
    record Choice(String label, Map<String, String> params) {}

    /** One field's links, and every parameter of that field (dropped when a link replaces them). */
    record Group(String field, String title, List<Choice> choices, List<String> owned) {}

    private FilterLinks() {}

    /** The groups of these filters (a resource's list parameters), with dates as of {@code clock}'s today. */
    static List<Group> groups(List<QueryParameter> filters, Clock clock) {
        Map<String, Map<String, QueryParameter>> byField = new LinkedHashMap<>();
        for (QueryParameter p : filters) {
            int cut = p.name().indexOf("__");
            String field = cut < 0 ? p.name() : p.name().substring(0, cut);
            byField.computeIfAbsent(field, f -> new LinkedHashMap<>())
                    .put(cut < 0 ? "" : p.name().substring(cut + 2), p);
        }
        List<Group> out = new ArrayList<>();
        byField.forEach((field, lookups) -> group(field, lookups, clock).ifPresent(out::add));
        return out;
    }

    private static java.util.Optional<Group> group(String field, Map<String, QueryParameter> lookups, Clock clock) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(lookups.containsKey(GTE) ? "Any date" : "All", Map.of()));
        QueryParameter exact = lookups.get("");
        QueryParameter from = lookups.get(GTE);
        if (exact != null && exact.type() == Boolean.class) {
            choices.add(new Choice("Yes", Map.of(field, "true")));
            choices.add(new Choice("No", Map.of(field, "false")));
        } else if (exact != null && exact.type().isEnum()) {
            for (Object constant : exact.type().getEnumConstants()) {
                String name = ((Enum<?>) constant).name();
                choices.add(new Choice(Labels.humanise(name.toLowerCase(java.util.Locale.ROOT)), Map.of(field, name)));
            }
        } else if (from != null
                && (from.type() == LocalDate.class || from.type() == Instant.class)
                && (lookups.containsKey(LT) || lookups.containsKey(LTE))) {
            choices.addAll(dates(field, from.type() == Instant.class, lookups.containsKey(LT), clock));
        } else {
            return java.util.Optional.empty();
        }
        if (lookups.containsKey(ISNULL)) {
            boolean date = from != null;
            choices.add(new Choice(date ? "No date" : "Unknown", Map.of(field + "__isnull", "true")));
            if (date) {
                choices.add(new Choice("Has date", Map.of(field + "__isnull", "false")));
            }
        }
        List<String> owned = lookups.keySet().stream()
                .map(l -> l.isEmpty() ? field : field + "__" + l)
                .toList();
        return java.util.Optional.of(
                new Group(field, "By " + Labels.humanise(field).toLowerCase(java.util.Locale.ROOT), choices, owned));
    }

    /** Django's ranges, each from a day's start to the start of the day after its last: [from, until). */
    private static List<Choice> dates(String field, boolean instant, boolean exclusive, Clock clock) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        LocalDate month = today.withDayOfMonth(1);
        LocalDate year = today.withDayOfYear(1);
        Function<LocalDate, String> at =
                d -> instant ? d.atStartOfDay(zone).toInstant().toString() : d.toString();
        List<Choice> out = new ArrayList<>();
        LocalDate[][] ranges = {
            {today, today.plusDays(1)},
            {today.minusDays(7), today.plusDays(1)},
            {month, month.plusMonths(1)},
            {year, year.plusYears(1)}
        };
        String[] labels = {"Today", "Past 7 days", "This month", "This year"};
        for (int i = 0; i < ranges.length; i++) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put(field + "__" + GTE, at.apply(ranges[i][0]));
            if (exclusive) {
                params.put(field + "__" + LT, at.apply(ranges[i][1]));
            } else {
                params.put(
                        field + "__" + LTE,
                        instant
                                ? ranges[i][1]
                                        .atStartOfDay(zone)
                                        .toInstant()
                                        .minusNanos(1000)
                                        .toString()
                                : ranges[i][1].minusDays(1).toString());
            }
            out.add(new Choice(labels[i], params));
        }
        return out;
    }
}
