package dev.portico.data.query;

import dev.portico.error.NotFound;
import dev.portico.error.ValidationFailed;
import dev.portico.input.Scalars;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns one request's query parameters into a {@link Query}, collecting every error before failing. */
final class QueryParser {
    private static final Scalars.Converter BOOLEAN = Scalars.converter(Boolean.class);

    private final QuerySpec spec;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    QueryParser(QuerySpec spec) {
        this.spec = spec;
    }

    Query parse(QueryInput input) {
        List<Condition> conditions = new ArrayList<>();
        for (String name : input.params().keySet()) {
            QuerySpec.Filter filter = spec.filters.get(name);
            if (filter != null) {
                condition(name, filter, input.last(name), conditions);
            } else if (!known(name) && spec.strict) {
                error(name, "Unknown query parameter.");
            }
        }
        List<Order> ordering = ordering(input.last(QuerySpec.ORDERING));
        List<String> terms = searchTerms(input.last(QuerySpec.SEARCH));
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        PageRequest page = Pages.request(spec, input, ordering);
        return new Query(spec, conditions, terms, ordering, page, input);
    }

    private boolean known(String name) {
        return spec.allowed.contains(name)
                || (name.equals(QuerySpec.ORDERING) && !spec.orderingFields.isEmpty())
                || (name.equals(QuerySpec.SEARCH) && !spec.searchFields.isEmpty());
    }

    private void condition(String name, QuerySpec.Filter filter, String text, List<Condition> out) {
        if (text.isEmpty()) {
            return; // django-filter: an empty value means "do not filter on this"
        }
        FieldDef field = filter.field();
        try {
            Object value = switch (filter.lookup()) {
                case ISNULL -> BOOLEAN.convert(text);
                case ICONTAINS -> text;
                case IN -> list(field, text);
                default -> field.converter().convert(text);
            };
            out.add(new Condition(name, field.column(), filter.lookup(), value));
        } catch (IllegalArgumentException e) {
            error(name, e.getMessage());
        }
    }

    private List<Object> list(FieldDef field, String text) {
        List<Object> values = new ArrayList<>();
        int from = 0;
        while (from <= text.length()) {
            int comma = text.indexOf(',', from);
            int to = comma < 0 ? text.length() : comma;
            if (values.size() == spec.maxInValues) {
                throw new IllegalArgumentException(
                        "Ensure this field has no more than " + spec.maxInValues + " elements.");
            }
            values.add(field.converter().convert(text.substring(from, to)));
            from = to + 1;
        }
        return values;
    }

    /** The requested ordering (or the default), then the id as the tiebreaker that makes it total. */
    private List<Order> ordering(String text) {
        List<Order> out = new ArrayList<>();
        if (text != null && !spec.orderingFields.isEmpty()) {
            Set<String> seen = new LinkedHashSet<>();
            for (String term : text.split(",", -1)) {
                String t = term.strip();
                boolean desc = t.startsWith("-");
                String name = desc ? t.substring(1) : t;
                if (t.isEmpty() || !seen.add(name)) {
                    continue;
                }
                if (!spec.orderingFields.contains(name)) {
                    if (spec.strict) {
                        error(QuerySpec.ORDERING, "\"" + abbreviate(name) + "\" is not a field you can order by.");
                        return out;
                    }
                    continue; // DRF's OrderingFilter drops fields it does not allow
                }
                FieldDef f = spec.fields.get(name);
                out.add(new Order(name, f.column(), desc));
            }
        }
        if (out.isEmpty()) {
            out.addAll(spec.defaultOrdering);
        }
        if (out.stream().noneMatch(o -> o.column().equals(spec.id.column()))) {
            out.add(new Order(spec.id.name(), spec.id.column(), false));
        }
        return List.copyOf(out);
    }

    /** Words split on whitespace and commas, as DRF's SearchFilter splits them. */
    private List<String> searchTerms(String text) {
        if (text == null || spec.searchFields.isEmpty()) {
            return List.of();
        }
        List<String> terms = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && separator(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !separator(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                if (terms.size() == spec.maxSearchTerms) {
                    error(QuerySpec.SEARCH, "Ensure this field has no more than " + spec.maxSearchTerms + " words.");
                    return List.of();
                }
                terms.add(text.substring(start, i));
            }
        }
        return terms;
    }

    private static boolean separator(char c) {
        return c == ',' || Character.isWhitespace(c);
    }

    private void error(String name, String message) {
        errors.computeIfAbsent(name, n -> new ArrayList<>()).add(message);
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    static NotFound invalidPage() {
        return new NotFound("Invalid page.");
    }

    static Optional<Integer> positiveInt(String text, boolean strict) {
        if (text == null || text.isEmpty() || text.length() > 10) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        long n = Long.parseLong(text);
        if (n > Integer.MAX_VALUE || (strict && n == 0)) {
            return n > Integer.MAX_VALUE ? Optional.of(Integer.MAX_VALUE) : Optional.empty();
        }
        return Optional.of((int) n);
    }
}
