package dev.portico.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.config.Limits;
import dev.portico.error.ApiException;
import dev.portico.http.FormData;
import org.junit.jupiter.api.Test;

class FormParserTest {
    private final Limits limits = new Limits(1 << 20, 8192, 64, 1000, 6, 3, 10, 10, 1 << 20);
    private final FormParser parser = new FormParser(limits);

    @Test
    void decodesNamesAndValuesInOrderWithRepeats() {
        FormData form = parser.parse("b=2&a=1&a=x+y&c=%C3%A9&flag&empty=");
        assertThat(form.fields().keySet()).containsExactly("b", "a", "c", "flag", "empty");
        assertThat(form.all("a")).containsExactly("1", "x y");
        assertThat(form.first("c")).contains("é");
        assertThat(form.first("flag")).contains("");
        assertThat(form.all("missing")).isEmpty();
    }

    @Test
    void tooManyFieldsIs400() {
        assertThatThrownBy(() -> parser.parse("a=1&b=2&c=3&d=4&e=5&f=6&g=7"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("too_many_fields");
                });
    }

    @Test
    void namesNestedTooDeepAre400() {
        assertThat(parser.parse("a.b.c=1").first("a.b.c")).contains("1");
        assertThatThrownBy(() -> parser.parse("a.b.c.d=1"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("field_name_too_deep"));
    }

    @Test
    void listIndexAboveTheLimitIs400() {
        assertThat(parser.parse("usernames.10=x").first("usernames.10")).contains("x");
        assertThatThrownBy(() -> parser.parse("usernames.11=x"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("list_index_too_large"));
        assertThatThrownBy(() -> parser.parse("usernames.99999999999999999999=x"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("list_index_too_large"));
    }

    @Test
    void rawCharactersInAFormBodyAreKept() {
        assertThat(parser.parse("name=é😀&x=a+b").first("name")).contains("é😀");
    }

    @Test
    void malformedEscapesAre400() {
        assertThatThrownBy(() -> parser.parse("a=%zz"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("parse_error"));
        assertThatThrownBy(() -> parser.parse("a=%C3"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("parse_error"));
        assertThatThrownBy(() -> parser.parse("a=%"))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("parse_error"));
    }
}
