package dev.portico.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.data.query.QueryParameter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sidebar's groups from a resource's filters: Django's boolean, choice and date links, on an injected clock. */
class FilterLinksTest {
    enum Colour {
        RED,
        DARK_BLUE
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T23:30:00Z"), ZoneId.of("Europe/Paris"));

    private static QueryParameter p(String name, Class<?> type) {
        return new QueryParameter(name, type, "");
    }

    @Test
    void booleansAndChoicesAreLinksWithAllFirst() {
        List<FilterLinks.Group> groups = FilterLinks.groups(
                List.of(
                        p("draft", Boolean.class),
                        p("colour", Colour.class),
                        p("title__icontains", String.class),
                        p("title", String.class)),
                CLOCK);
        assertThat(groups).extracting(FilterLinks.Group::title).containsExactly("By draft", "By colour");
        assertThat(groups.get(0).choices())
                .extracting(FilterLinks.Choice::label)
                .containsExactly("All", "Yes", "No");
        assertThat(groups.get(0).choices().get(0).params()).isEmpty();
        assertThat(groups.get(0).choices().get(1).params()).isEqualTo(Map.of("draft", "true"));
        assertThat(groups.get(1).choices())
                .extracting(FilterLinks.Choice::label)
                .containsExactly("All", "Red", "Dark blue");
        assertThat(groups.get(1).choices().get(2).params()).isEqualTo(Map.of("colour", "DARK_BLUE"));
    }

    /** Django's DateFieldListFilter, in the clock's zone: it is already 11 March in Paris. */
    @Test
    void dateTimesAreDjangosRangesOnTheClock() {
        FilterLinks.Group created = FilterLinks.groups(
                        List.of(p("created_at__gte", Instant.class), p("created_at__lt", Instant.class)), CLOCK)
                .getFirst();
        assertThat(created.choices())
                .extracting(FilterLinks.Choice::label)
                .containsExactly("Any date", "Today", "Past 7 days", "This month", "This year");
        assertThat(created.choices().get(1).params())
                .containsExactly(
                        Map.entry("created_at__gte", "2026-03-10T23:00:00Z"),
                        Map.entry("created_at__lt", "2026-03-11T23:00:00Z"));
        assertThat(created.choices().get(2).params().get("created_at__gte")).isEqualTo("2026-03-03T23:00:00Z");
        assertThat(created.choices().get(3).params())
                .containsExactly(
                        Map.entry("created_at__gte", "2026-02-28T23:00:00Z"),
                        Map.entry("created_at__lt", "2026-03-31T22:00:00Z"));
        assertThat(created.choices().get(4).params().get("created_at__gte")).isEqualTo("2025-12-31T23:00:00Z");
        assertThat(created.owned()).containsExactly("created_at__gte", "created_at__lt");
    }

    @Test
    void datesWithAnInclusiveEndAndNullsGetTheirLastDayAndNoDateLinks() {
        FilterLinks.Group publish = FilterLinks.groups(
                        List.of(
                                p("publish_date", LocalDate.class),
                                p("publish_date__gte", LocalDate.class),
                                p("publish_date__lte", LocalDate.class),
                                p("publish_date__isnull", Boolean.class)),
                        CLOCK)
                .getFirst();
        assertThat(publish.choices())
                .extracting(FilterLinks.Choice::label)
                .containsExactly("Any date", "Today", "Past 7 days", "This month", "This year", "No date", "Has date");
        assertThat(publish.choices().get(3).params())
                .containsExactly(
                        Map.entry("publish_date__gte", "2026-03-01"), Map.entry("publish_date__lte", "2026-03-31"));
        assertThat(publish.choices().get(5).params()).isEqualTo(Map.of("publish_date__isnull", "true"));
        assertThat(publish.owned()).contains("publish_date", "publish_date__isnull");
    }

    @Test
    void aDateWithOneBoundIsLeftToTheUrl() {
        assertThat(FilterLinks.groups(List.of(p("hire_date__gte", LocalDate.class)), CLOCK))
                .isEmpty();
    }
}
