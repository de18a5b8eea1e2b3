package dev.portico.data.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuerySpecTest {

    @Test
    void aLookupTheTypeCannotTakeFailsAtBuild() {
        assertThatThrownBy(() -> QuerySpec.builder("t")
                        .id("id", Long.class)
                        .field("views", Integer.class)
                        .filters("views", Lookup.ICONTAINS)
                        .build())
                .hasMessageContaining("lookup ICONTAINS does not apply to field \"views\" of type Integer");
        assertThatThrownBy(() -> QuerySpec.builder("t")
                        .id("id", Long.class)
                        .field("on", Boolean.class)
                        .filters("on", Lookup.GT)
                        .build())
                .hasMessageContaining("lookup GT does not apply");
    }

    @Test
    void unknownFieldsFailAtBuildNamingTheFix() {
        assertThatThrownBy(() -> QuerySpec.builder("t")
                        .id("id", Long.class)
                        .ordering("password")
                        .build())
                .hasMessageContaining("ordering names \"password\", which is not a declared field")
                .hasMessageContaining("field(\"password\", Type.class)");
        assertThatThrownBy(() -> QuerySpec.builder("t")
                        .id("id", Long.class)
                        .filters("nope", Lookup.EXACT)
                        .build())
                .hasMessageContaining("filters names \"nope\"");
        assertThatThrownBy(() -> QuerySpec.builder("t")
                        .id("id", Long.class)
                        .defaultOrdering("-nope")
                        .build())
                .hasMessageContaining("defaultOrdering names \"nope\"");
        assertThatThrownBy(() -> QuerySpec.builder("t")
                        .id("id", Long.class)
                        .field("n", Integer.class)
                        .search("n")
                        .build())
                .hasMessageContaining("search field \"n\" is not a String field");
    }

    @Test
    void identifiersAreAllowListed() {
        assertThatThrownBy(() -> QuerySpec.builder("posts; drop table x"))
                .hasMessageContaining("not a plain SQL identifier");
        assertThatThrownBy(() -> QuerySpec.builder("t").field("a", String.class, "a\" OR 1=1"))
                .hasMessageContaining("not a plain SQL identifier");
        assertThatThrownBy(() -> QuerySpec.builder("t").field("a__b", String.class))
                .hasMessageContaining("without \"__\"");
        assertThatThrownBy(() -> QuerySpec.builder("t").select("id", "(select 1)"))
                .hasMessageContaining("not a plain SQL identifier");
        assertThat(QuerySpec.builder("app.posts").id("id", Long.class, "p.id").build())
                .isNotNull();
    }

    @Test
    void theUniqueKeyIsRequiredAndSizesChecked() {
        assertThatThrownBy(() -> QuerySpec.builder("t").build()).hasMessageContaining("declare the unique key");
        assertThatThrownBy(() -> Pagination.pageNumber(50, 10)).hasMessageContaining("default size <= maximum");
        assertThatThrownBy(() -> QuerySpec.builder("t")
                        .id("id", Long.class)
                        .field("page", Integer.class)
                        .filters("page", Lookup.EXACT)
                        .build())
                .hasMessageContaining("both a filter and a pagination parameter");
    }

    @Test
    void parametersDescribeEveryDeclaredParameterForTheDocumentation() {
        QuerySpec spec = Posts.spec().pagination(Pagination.pageNumber(20, 100)).build();
        assertThat(spec.parameters())
                .extracting(QueryParameter::name)
                .containsExactly(
                        "author",
                        "author__isnull",
                        "created_on__gte",
                        "created_on__lt",
                        "published",
                        "salary",
                        "salary__gt",
                        "salary__gte",
                        "salary__lt",
                        "salary__lte",
                        "title",
                        "title__icontains",
                        "title__in",
                        "views__gt",
                        "views__in",
                        "ordering",
                        "search",
                        "page",
                        "page_size");
        assertThat(spec.parameters())
                .filteredOn(p -> p.name().equals("salary__gte"))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.type()).isEqualTo(BigDecimal.class);
                    assertThat(p.description()).isEqualTo("Only items whose salary is at least this.");
                });
        assertThat(Posts.spec().pagination(Pagination.cursor(10, 50)).build().parameters())
                .extracting(QueryParameter::name)
                .endsWith("cursor", "page_size");
    }
}
