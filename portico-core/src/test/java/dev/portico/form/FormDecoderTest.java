package dev.portico.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.annotation.Nullable;
import dev.portico.annotation.ReadOnly;
import dev.portico.error.ValidationFailed;
import dev.portico.http.FileUpload;
import dev.portico.http.FormData;
import dev.portico.input.Omittable;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

/** Seed 002's form-field rules, each with the seed's own examples. */
class FormDecoderTest {
    enum Role {
        ADMIN,
        EDITOR
    }

    record Single(
            String username,
            int age,
            double score,
            boolean active,
            Role role,
            UUID id,
            BigDecimal price,
            LocalDate day,
            Instant at,
            OffsetDateTime when) {}

    record UserFilter(String name_gt, String name_lt) {}

    record Empty() {}

    record Defaulted(Optional<String> name_gt, @Nullable String name_lt) {}

    record Search(UserFilter filter) {}

    record Deep(Search search) {}

    record Names(List<String> usernames) {}

    record Person(String name, Optional<Integer> age) {}

    record People(List<Person> people) {}

    record Scores(Map<String, Integer> scores) {}

    record ById(Map<Integer, String> names) {}

    record Flag(boolean active) {}

    record Account(@ReadOnly long id, String name) {}

    record Upload(String title, FileUpload upload) {}

    record Gallery(List<FileUpload> photos) {}

    record Node(String name, List<Node> children) {}

    record Wrapper(Object anything) {}

    record Range(int low, int high) {
        Range {
            if (low > high) {
                throw new IllegalArgumentException("low must not be above high.");
            }
        }
    }

    private static FormData form(String... pairs) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
        }
        return FormData.of(fields);
    }

    @SuppressWarnings("unchecked")
    record Renamed(
            @com.fasterxml.jackson.annotation.JsonProperty("author_id")
            long authorId) {}

    @Test
    void aComponentRenamedForJsonIsSentUnderTheSameNameInForms() {
        assertThat((Renamed) decode(Renamed.class, form("author_id", "7"))).isEqualTo(new Renamed(7));
        assertThat(errors(() -> decode(Renamed.class, form("authorId", "7"))))
                .containsEntry("author_id", List.of("This field is required."))
                .containsEntry("authorId", List.of("Unknown field."));
    }

    private <T> T decode(Type type, FormData form) {
        return (T) FormDecoder.of(type).decode(form);
    }

    private Map<String, List<String>> errors(ThrowableAssert.ThrowingCallable call) {
        try {
            call.call();
        } catch (ValidationFailed e) {
            return e.errors();
        } catch (Throwable t) {
            throw new AssertionError("expected ValidationFailed, got " + t, t);
        }
        throw new AssertionError("expected ValidationFailed");
    }

    @Test
    void singleValuesOfEveryKind() {
        UUID id = UUID.randomUUID();
        Single s = decode(
                Single.class,
                form(
                        "username",
                        "joebloggs",
                        "age",
                        "42",
                        "score",
                        "1.5",
                        "active",
                        "Yes",
                        "role",
                        "ADMIN",
                        "id",
                        id.toString(),
                        "price",
                        "19.99",
                        "day",
                        "2024-02-29",
                        "at",
                        "1700000000.5",
                        "when",
                        "1700000000"));
        assertThat(s)
                .isEqualTo(new Single(
                        "joebloggs",
                        42,
                        1.5,
                        true,
                        Role.ADMIN,
                        id,
                        new BigDecimal("19.99"),
                        LocalDate.of(2024, 2, 29),
                        Instant.ofEpochSecond(1700000000, 500_000_000),
                        Instant.ofEpochSecond(1700000000).atOffset(ZoneOffset.UTC)));
        Single iso = decode(
                Single.class,
                form(
                        "username",
                        "x",
                        "age",
                        "1",
                        "score",
                        "1",
                        "active",
                        "off",
                        "role",
                        "EDITOR",
                        "id",
                        id.toString(),
                        "price",
                        "1",
                        "day",
                        "2024-01-01",
                        "at",
                        "2024-01-01T00:00:00Z",
                        "when",
                        "2024-01-01T10:00:00+02:00"));
        assertThat(iso.active()).isFalse();
        assertThat(iso.at()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(iso.when()).isEqualTo(OffsetDateTime.parse("2024-01-01T10:00:00+02:00"));
    }

    @Test
    void boolSpellingsOfTheSeed() {
        for (String yes : List.of("1", "True", "true", "Yes", "yes", "On", "on")) {
            assertThat(this.<Flag>decode(Flag.class, form("active", yes)).active())
                    .as(yes)
                    .isTrue();
        }
        for (String no : List.of("0", "False", "false", "No", "no", "Off", "off")) {
            assertThat(this.<Flag>decode(Flag.class, form("active", no)).active())
                    .as(no)
                    .isFalse();
        }
        assertThat(errors(() -> decode(Flag.class, form("active", "maybe"))))
                .containsEntry("active", List.of("Must be a valid boolean."));
    }

    @Test
    void aBoolMaySentTwiceTheLastWinsAnyOtherSingleValueOnlyOnce() {
        assertThat(this.<Flag>decode(Flag.class, form("active", "off", "active", "on"))
                        .active())
                .isTrue();
        assertThat(this.<Flag>decode(Flag.class, form("active", "on", "active", "off"))
                        .active())
                .isFalse();
        assertThat(errors(() -> decode(Flag.class, form("active", "on", "active", "on", "active", "off"))))
                .containsEntry("active", List.of("This field was sent more than once."));
        assertThat(errors(() -> decode(Person.class, form("name", "a", "name", "b"))))
                .containsEntry("name", List.of("This field was sent more than once."));
    }

    @Test
    void recordsByDottedNamesToAnyDepth() {
        assertThat(this.<Search>decode(Search.class, form("filter.name_gt", "a", "filter.name_lt", "p")))
                .isEqualTo(new Search(new UserFilter("a", "p")));
        assertThat(this.<Deep>decode(Deep.class, form("search.filter.name_gt", "a", "search.filter.name_lt", "p")))
                .isEqualTo(new Deep(new Search(new UserFilter("a", "p"))));
    }

    @Test
    void theBlankNamedMarkerSendsARecordWithoutFieldsAndMayComeWithFields() {
        record HasEmpty(Empty filter) {}
        record HasDefaulted(Defaulted filter) {}
        assertThat(this.<HasEmpty>decode(HasEmpty.class, form("filter.", ""))).isEqualTo(new HasEmpty(new Empty()));
        assertThat(this.<HasDefaulted>decode(HasDefaulted.class, form("filter.", "")))
                .isEqualTo(new HasDefaulted(new Defaulted(Optional.empty(), null)));
        assertThat(this.<Search>decode(Search.class, form("filter.", "", "filter.name_gt", "a", "filter.name_lt", "p")))
                .isEqualTo(new Search(new UserFilter("a", "p")));
        assertThat(errors(() -> decode(HasEmpty.class, form())))
                .containsEntry("filter", List.of("This field is required."));
        assertThat(errors(() -> decode(HasEmpty.class, form("filter.", "", "filter.", ""))))
                .containsEntry("filter.", List.of("Unknown field."));
    }

    @Test
    void listsByIndexByRepeatingTheNameAndTheEmptyListMarker() {
        assertThat(this.<Names>decode(Names.class, form("usernames.0", "joebloggs", "usernames.1", "johndoe"))
                        .usernames())
                .containsExactly("joebloggs", "johndoe");
        assertThat(this.<Names>decode(Names.class, form("usernames.1", "johndoe", "usernames.0", "joebloggs"))
                        .usernames())
                .containsExactly("joebloggs", "johndoe");
        assertThat(this.<Names>decode(Names.class, form("usernames", "joebloggs", "usernames", "johndoe"))
                        .usernames())
                .containsExactly("joebloggs", "johndoe");
        assertThat(this.<Names>decode(Names.class, form("usernames.", "", "usernames", "joebloggs"))
                        .usernames())
                .containsExactly("joebloggs");
        assertThat(this.<Names>decode(Names.class, form("usernames.", "")).usernames())
                .isEmpty();
        assertThat(errors(() -> decode(Names.class, form())))
                .containsEntry("usernames", List.of("This field is required."));
    }

    @Test
    void listIndicesMustBeContiguousFromZeroAndNotMixedWithRepeats() {
        assertThat(errors(() -> decode(Names.class, form("usernames.0", "a", "usernames.2", "c"))))
                .containsEntry("usernames.1", List.of("This field is required."));
        assertThat(errors(() -> decode(Names.class, form("usernames.1", "b"))))
                .containsEntry("usernames.0", List.of("This field is required."));
        assertThat(errors(() -> decode(Names.class, form("usernames", "a", "usernames.1", "b"))))
                .containsKey("usernames");
        assertThat(errors(() -> decode(Names.class, form("usernames.x", "a"))))
                .containsEntry("usernames.x", List.of("Unknown field."));
    }

    @Test
    void listsOfRecords() {
        People people =
                decode(People.class, form("people.0.name", "ada", "people.0.age", "36", "people.1.name", "alan"));
        assertThat(people.people())
                .containsExactly(new Person("ada", Optional.of(36)), new Person("alan", Optional.empty()));
        assertThat(errors(() -> decode(People.class, form("people", "ada"))))
                .containsEntry("people", List.of("Expected a list of items but got type \"str\"."));
        assertThat(errors(() -> decode(People.class, form("people.0.age", "x", "people.1.name", "b"))))
                .containsEntry("people.0.name", List.of("This field is required."))
                .containsEntry("people.0.age", List.of("A valid integer is required."));
    }

    @Test
    void mapsByKeyWithSingleValueKeys() {
        assertThat(this.<Scores>decode(Scores.class, form("scores.alice", "3", "scores.bob", "5"))
                        .scores())
                .containsExactly(Map.entry("alice", 3), Map.entry("bob", 5));
        assertThat(this.<Scores>decode(Scores.class, form("scores.", "")).scores())
                .isEmpty();
        assertThat(this.<ById>decode(ById.class, form("names.7", "ada")).names())
                .containsEntry(7, "ada");
        assertThat(errors(() -> decode(ById.class, form("names.x", "ada"))))
                .containsEntry("names.x", List.of("A valid integer is required."));
        assertThat(errors(() -> decode(Scores.class, form("scores.alice", "many"))))
                .containsEntry("scores.alice", List.of("A valid integer is required."));
    }

    @Test
    void everyErrorIsReportedAtOnceUnderItsDottedPath() {
        record Query(UserFilter filter, List<Integer> ids, int page) {}
        Map<String, List<String>> errors = errors(() -> decode(
                Query.class,
                form("filter.name_lt", "p", "filter.colour", "red", "ids.0", "1", "ids.1", "two", "extra", "x")));
        assertThat(errors).containsOnlyKeys("filter.name_gt", "filter.colour", "ids.1", "extra", "page");
        assertThat(errors.get("filter.name_gt")).containsExactly("This field is required.");
        assertThat(errors.get("filter.colour")).containsExactly("Unknown field.");
        assertThat(errors.get("ids.1")).containsExactly("A valid integer is required.");
        assertThat(errors.get("extra")).containsExactly("Unknown field.");
    }

    @Test
    void aRecordThatPartlyDecodesCarriesTheFieldsThatDidForValidation() {
        record Post(String title, List<String> tags, Search search, Optional<Integer> priority) {}
        ValidationFailed failed = org.assertj.core.api.Assertions.catchThrowableOfType(
                ValidationFailed.class,
                () -> decode(Post.class, form("title", "", "search.filter.name_gt", "a", "priority", "high")));
        assertThat(failed.errors()).containsOnlyKeys("tags", "search.filter.name_lt", "priority");
        assertThat(failed).isInstanceOf(dev.portico.input.PartlyRead.class);
        dev.portico.input.PartlyRead.Partial partial = ((dev.portico.input.PartlyRead) failed).partial();
        assertThat(partial.type()).isEqualTo(Post.class);
        // title decoded; tags and priority did not; search partly did, down to the filter's name_gt
        assertThat(partial.components()).containsOnlyKeys("title", "search").containsEntry("title", "");
        var search = (dev.portico.input.PartlyRead.Partial) partial.components().get("search");
        assertThat(search.components().get("filter"))
                .isEqualTo(new dev.portico.input.PartlyRead.Partial(UserFilter.class, Map.of("name_gt", "a")));
        // a query input's record, or a method's arguments, stay a plain 400
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> FormDecoder.of(UserFilter.class).decode(form("filter.name_gt", "a"), "filter")))
                .isExactlyInstanceOf(ValidationFailed.class);
    }

    @Test
    void readOnlyFieldsSentByAClientAre400() {
        assertThat(errors(() -> decode(Account.class, form("id", "3", "name", "a"))))
                .containsEntry("id", List.of("This field is read-only."));
        assertThat(this.<Account>decode(Account.class, form("name", "a"))).isEqualTo(new Account(0, "a"));
    }

    @Test
    void filesComeFromThePartOfTheirName() {
        FileUpload photo = file("cat.png");
        FormData form = FormData.of(Map.of("title", List.of("Cat")), Map.of("upload", List.of(photo)));
        assertThat(this.<Upload>decode(Upload.class, form)).isEqualTo(new Upload("Cat", photo));
        assertThat(errors(() -> decode(Upload.class, form("title", "Cat"))))
                .containsEntry("upload", List.of("No file was submitted."));
        assertThat(errors(() -> decode(Upload.class, form("title", "Cat", "upload", "cat.png"))))
                .containsEntry(
                        "upload", List.of("The submitted data was not a file. Check the encoding type on the form."));
        FileUpload other = file("dog.png");
        Gallery gallery = decode(Gallery.class, FormData.of(Map.of(), Map.of("photos", List.of(photo, other))));
        assertThat(gallery.photos()).containsExactly(photo, other);
    }

    @Test
    void recursiveRecordsAndConstructorChecks() {
        Node tree = decode(Node.class, form("name", "root", "children.0.name", "leaf", "children.0.children.", ""));
        assertThat(tree).isEqualTo(new Node("root", List.of(new Node("leaf", List.of()))));
        assertThat(errors(() -> decode(Range.class, form("low", "5", "high", "1"))))
                .containsEntry("non_field_errors", List.of("low must not be above high."));
    }

    @Test
    void namedValueForARecordTypedQueryInput() {
        FormDecoder decoder = FormDecoder.of(UserFilter.class);
        assertThat(decoder.decode(form("filter.name_gt", "a", "filter.name_lt", "p", "page", "2"), "filter"))
                .isEqualTo(new UserFilter("a", "p"));
        assertThat(errors(() -> decoder.decode(form("page", "2"), "filter")))
                .containsEntry("filter.name_gt", List.of("This field is required."))
                .containsEntry("filter.name_lt", List.of("This field is required."));
        Type optional = new dev.portico.endpoint.TypeRef<Optional<UserFilter>>() {}.type();
        assertThat(FormDecoder.of(optional).decode(form(), "filter")).isEqualTo(Optional.empty());
    }

    record Patch(
            Omittable<LocalDate> day,
            Omittable<String> title,
            Omittable<UserFilter> filter,
            Omittable<List<Integer>> ids) {}

    @Test
    void anOmittableIsAbsentWhenNotSentNullForOneEmptyValueAndOtherwiseTheValue() {
        assertThat(this.<Patch>decode(Patch.class, form()))
                .isEqualTo(new Patch(Omittable.absent(), Omittable.absent(), Omittable.absent(), Omittable.absent()));
        assertThat(this.<Patch>decode(Patch.class, form("day", "", "title", "", "filter", "", "ids", "")))
                .isEqualTo(new Patch(Omittable.ofNull(), Omittable.ofNull(), Omittable.ofNull(), Omittable.ofNull()));
        assertThat(this.<Patch>decode(
                        Patch.class,
                        form(
                                "day",
                                "2024-05-01",
                                "title",
                                "t",
                                "filter.name_gt",
                                "a",
                                "filter.name_lt",
                                "p",
                                "ids",
                                "1",
                                "ids",
                                "2")))
                .isEqualTo(new Patch(
                        Omittable.of(LocalDate.of(2024, 5, 1)),
                        Omittable.of("t"),
                        Omittable.of(new UserFilter("a", "p")),
                        Omittable.of(List.of(1, 2))));
        assertThat(this.<Patch>decode(Patch.class, form("ids.", "")).ids()).isEqualTo(Omittable.of(List.of()));
    }

    record Blanks(
            Optional<Integer> count,
            @Nullable Boolean flag,
            @Nullable LocalDate day,
            Optional<String> note,
            @Nullable String name,
            int required) {}

    /**
     * DRF's {@code Field.get_value} for HTML input: a blank optional field is not given ({@code Optional.empty()}),
     * a blank nullable one null; text keeps the empty string; a blank required one is read, and refused.
     */
    @Test
    void aBlankFieldIsNotGivenForAnOptionalComponentNullForANullableOneAndTextKeepsIt() {
        assertThat(this.<Blanks>decode(
                        Blanks.class,
                        form("count", "", "flag", "", "day", "", "note", "", "name", "", "required", "7")))
                .isEqualTo(new Blanks(Optional.empty(), null, null, Optional.of(""), "", 7));
        assertThat(errors(() -> decode(Blanks.class, form("count", "", "required", ""))))
                .containsOnlyKeys("required");
    }

    @Test
    void anOmittableValueIsDecodedAsItsTypeWithErrorsUnderItsPath() {
        assertThat(errors(() -> decode(Patch.class, form("day", "soon", "filter.name_gt", "a", "ids", "x"))))
                .containsKey("day")
                .containsEntry("filter.name_lt", List.of("This field is required."))
                .containsKey("ids.0");
        assertThat(errors(() -> decode(Patch.class, form("title", "", "title", ""))))
                .containsEntry("title", List.of("This field was sent more than once."));
    }

    @Test
    void typesAFormCannotCarryFailWhenPlanned() {
        assertThatThrownBy(() -> FormDecoder.of(Wrapper.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Wrapper.anything");
        assertThat(FormDecoder.supports(String.class)).isFalse();
        assertThat(FormDecoder.supports(People.class)).isTrue();
    }

    private static FileUpload file(String name) {
        return new FileUpload() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String contentType() {
                return "image/png";
            }

            @Override
            public long size() {
                return 1;
            }

            @Override
            public InputStream stream() {
                return new ByteArrayInputStream(new byte[] {1});
            }
        };
    }
}
