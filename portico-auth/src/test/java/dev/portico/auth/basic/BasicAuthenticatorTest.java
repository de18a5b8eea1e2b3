package dev.portico.auth.basic;

import static dev.portico.testing.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.Portico;
import dev.portico.auth.AuthTestSupport;
import dev.portico.auth.CallerApp;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.accounts.NewUser;
import dev.portico.auth.accounts.User;
import dev.portico.auth.keys.ApiKeyAuthenticator;
import dev.portico.auth.keys.ApiKeys;
import dev.portico.auth.keys.CreatedApiKey;
import dev.portico.data.DatabaseTest;
import dev.portico.data.TestDatabase;
import dev.portico.http.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/** HTTP Basic with a password and with a key as the password (seed 002), through a real app in-process. */
class BasicAuthenticatorTest {

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(Response response, String detail) {
        CallerApp.assertRefused(response, detail);
        assertThat(response.headerValue("WWW-Authenticate")).contains(BasicAuthenticator.CHALLENGE);
    }

    @DatabaseTest
    void aPasswordAuthenticatesAsTheUserAndAKeyAsTheKeysRole(TestDatabase test) {
        Accounts accounts = AuthTestSupport.accounts(test, Clock.systemUTC());
        try (var db = accounts.database()) {
            accounts.roles().define("reader", Set.of("posts:read"));
            accounts.roles().define("writer", Set.of("posts:write"));
            User ada = accounts.users()
                    .create(NewUser.of("ada", "", "pass:with:colons").withDefaultRole("reader"));
            accounts.users().grant(ada.id(), "writer");
            ApiKeys keys = ApiKeys.create(accounts);
            CreatedApiKey key = keys.create(ada.id(), "", Optional.empty(), Optional.of("writer"));
            Portico app = CallerApp.app(BasicAuthenticator.create(accounts, keys));

            JsonNode self = json(CallerApp.me(app, basic("ada:pass:with:colons")));
            assertThat(self.get("user").asText()).isEqualTo("ada");
            assertThat(self.get("key").asText()).isEqualTo("-");
            assertThat(self.get("scopes").toString()).isEqualTo("[\"posts:read\",\"posts:write\"]");

            Response viaKey = CallerApp.me(
                    app, "basic " + basic("ada:" + key.credential()).substring(6));
            assertThat(viaKey.status()).isEqualTo(200);
            assertThat(json(viaKey).get("key").asText()).isEqualTo(key.key().keyId());
            assertThat(json(viaKey).get("role").asText()).isEqualTo("writer");
            assertThat(json(viaKey).get("scopes").toString()).isEqualTo("[\"posts:write\"]");

            assertThat(json(CallerApp.me(app, "Api-Key " + key.credential()))
                            .get("user")
                            .asText())
                    .isEqualTo("anonymous");
            assertThat(BasicAuthenticator.create(accounts, keys).challenge()).contains(BasicAuthenticator.CHALLENGE);
        }
    }

    @DatabaseTest
    void malformedOrRefusedBasicCredentialsAre401(TestDatabase test) {
        Accounts accounts = AuthTestSupport.accounts(test, Clock.systemUTC());
        try (var db = accounts.database()) {
            User ada = accounts.users().create(NewUser.of("ada", "", "correct horse"));
            User bob = accounts.users().create(NewUser.of("bob", "", "battery staple"));
            ApiKeys keys = ApiKeys.create(accounts);
            CreatedApiKey adas = keys.create(ada.id(), "", Optional.empty(), Optional.empty());
            keys.create(bob.id(), "", Optional.empty(), Optional.empty());
            Portico app = CallerApp.app(BasicAuthenticator.create(accounts, keys));

            assertRefused(CallerApp.me(app, "Basic"), "Invalid basic header. No credentials provided.");
            assertRefused(
                    CallerApp.me(app, "Basic a b"),
                    "Invalid basic header. Credentials string should not contain spaces.");
            assertRefused(
                    CallerApp.me(app, "Basic !!!"), "Invalid basic header. Credentials not correctly base64 encoded.");
            assertRefused(CallerApp.me(app, basic("nocolon")), "Invalid username/password.");
            assertRefused(CallerApp.me(app, basic("ada:wrong horse")), "Invalid username/password.");
            assertRefused(CallerApp.me(app, basic("nobody:correct horse")), "Invalid username/password.");
            assertRefused(CallerApp.me(app, basic("bob:" + adas.credential())), "Invalid username/password.");
            assertThat(keys.find(adas.key().keyId()).orElseThrow().lastUsedAt())
                    .as("a key refused under another name is no use of it")
                    .isEmpty();
            assertRefused(
                    CallerApp.me(app, basic("ada:" + adas.key().keyId() + ":wrong")), "Invalid username/password.");
            assertThat(CallerApp.me(app, basic("ada:" + adas.credential())).status())
                    .isEqualTo(200);
            accounts.users().setActive(ada.id(), false);
            assertRefused(CallerApp.me(app, basic("ada:correct horse")), "Invalid username/password.");
            assertRefused(CallerApp.me(app, basic("ada:" + adas.credential())), "Invalid username/password.");
        }
    }

    @DatabaseTest
    void aRefusalCarriesTheFirstConfiguredSchemesChallengeNotBasicsOwn(TestDatabase test) {
        Accounts accounts = AuthTestSupport.accounts(test, Clock.systemUTC());
        try (var db = accounts.database()) {
            accounts.users().create(NewUser.of("ada", "", "correct horse"));
            ApiKeys keys = ApiKeys.create(accounts);
            Portico app = CallerApp.app(ApiKeyAuthenticator.create(keys), BasicAuthenticator.create(accounts, keys));
            for (String bad : new String[] {basic("ada:wrong horse"), "Basic !!!", "Basic"}) {
                Response refused = CallerApp.me(app, bad);
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.headerValue("WWW-Authenticate"))
                        .as("no Basic prompt in a browser")
                        .contains(ApiKeyAuthenticator.CHALLENGE);
            }
        }
    }
}
