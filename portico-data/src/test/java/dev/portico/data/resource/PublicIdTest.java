package dev.portico.data.resource;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import dev.portico.data.Database;
import dev.portico.data.DatabaseSettings;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.data.model.Model;
import dev.portico.data.model.PublicId;
import dev.portico.data.query.BaseUrl;
import dev.portico.http.Response;
import dev.portico.testing.TestRequest;
import java.time.Instant;

/** A model addressed by a prefixed opaque public id: the table's sequence number never leaves the server. */
class PublicIdTest {
    /** No {@code id} component: the internal key stays in the table. */
    public record Article(@PublicId("a") String publicId, String title, Instant createdAt) {}

    public record ArticleInput(String title) {}

    @DatabaseTest
    void rowsAreCreatedAndAddressedByTheirPublicId(TestDatabase test) {
        try (Database db = Database.create(test.config(b -> b.set(DatabaseSettings.MIGRATIONS, "db/resource")
                .set(DatabaseSettings.MIGRATE_ON_START, DatabaseSettings.MigrateOnStart.TRUE)))) {
            Portico app = Resource.of(Model.of(Article.class), db, "/api/articles/")
                    .create(ArticleInput.class)
                    .list(q -> q.ordering("id"))
                    .baseUrl(BaseUrl.of("https://api.example.com"))
                    .build()
                    .addTo(Portico.builder().config(PorticoConfig.defaults()))
                    .build();
            Response created =
                    app.handle(TestRequest.of("POST", "/api/articles/").json("{\"title\":\"Hi\"}"));
            assertThat(created.status()).isEqualTo(201);
            JsonNode article = json(created);
            String publicId = article.get("publicId").asText();
            assertThat(publicId).matches("a-[0-9a-f]{24}");
            assertThat(article.has("id")).isFalse();
            assertThat(created.headerValue("Location")).contains("/api/articles/" + publicId + "/");
            assertThat(created.headerValue("ETag")).isEmpty();

            Response got = app.handle(TestRequest.get("/api/articles/" + publicId + "/"));
            assertThat(got.status()).isEqualTo(200);
            assertThat(json(got).get("title").asText()).isEqualTo("Hi");
            assertThat(app.handle(TestRequest.get("/api/articles/1/")).status()).isEqualTo(404);

            String other = json(app.handle(
                            TestRequest.of("POST", "/api/articles/").json("{\"title\":\"Two\"}")))
                    .get("publicId")
                    .asText();
            assertThat(other).isNotEqualTo(publicId);
            JsonNode list = json(app.handle(TestRequest.get("/api/articles/")));
            assertThat(list.get("count").asLong()).isEqualTo(2);
            assertThat(app.handle(TestRequest.of("POST", "/api/articles/")
                                    .json("{\"title\":\"x\",\"publicId\":\"a-1\"}"))
                            .status())
                    .isEqualTo(400);
            assertThat(app.handle(TestRequest.of("DELETE", "/api/articles/" + publicId + "/"))
                            .status())
                    .isEqualTo(204);
            assertThat(app.handle(TestRequest.get("/api/articles/" + publicId + "/"))
                            .status())
                    .isEqualTo(404);
        }
    }
}
