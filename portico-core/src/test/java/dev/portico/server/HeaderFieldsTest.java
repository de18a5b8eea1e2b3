package dev.portico.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.junit.jupiter.api.Test;

class HeaderFieldsTest {
    private final HeaderFields fields = new HeaderFields();

    @Test
    void aFieldSentTwiceIsEncodedOnceThenReused() {
        HttpField first = fields.of("X-Cache", "HIT");
        HttpField second = fields.of("X-Cache", new String("HIT"));   // equal, not the same string
        assertThat(first).isNotInstanceOf(PreEncodedHttpField.class);
        assertThat(second).isInstanceOf(PreEncodedHttpField.class);
        assertThat(fields.of("X-Cache", "HIT")).isSameAs(second);
        assertThat(second.getName()).isEqualTo("X-Cache");
        assertThat(second.getValue()).isEqualTo("HIT");
    }

    @Test
    void aKnownHeaderKeepsItsJettyName() {
        fields.of("Content-Type", "application/json");
        assertThat(fields.of("Content-Type", "application/json").getHeader()).isEqualTo(HttpHeader.CONTENT_TYPE);
    }

    @Test
    void anotherValueOrNameIsAnotherField() {
        HttpField miss = fields.of("X-Cache", "MISS");
        assertThat(fields.of("X-Cache", "HIT").getValue()).isEqualTo("HIT");
        assertThat(fields.of("X-Other", "MISS").getName()).isEqualTo("X-Other");
        assertThat(miss.getValue()).isEqualTo("MISS");
    }

    @Test
    void aCookieIsNeverKept() {
        HttpField once = fields.of("Set-Cookie", "sessionid=secret");
        HttpField again = fields.of("Set-Cookie", "sessionid=secret");
        assertThat(again).isNotSameAs(once).isNotInstanceOf(PreEncodedHttpField.class);
    }

    @Test
    void slotsThatCollideStillAnswerTheirOwnValue() {
        for (int i = 0; i < 2_000; i++) {
            String value = Integer.toString(i);
            assertThat(fields.of("RateLimit-Remaining", value).getValue()).isEqualTo(value);
            assertThat(fields.of("RateLimit-Remaining", value).getValue()).isEqualTo(value);
        }
    }
}
