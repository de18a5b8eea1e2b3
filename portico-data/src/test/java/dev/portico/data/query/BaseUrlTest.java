package dev.portico.data.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.error.BadRequest;
import dev.portico.http.Request;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaseUrlTest {

    /** A request with a Host header and a query, answering only what the query component reads. */
    private static Request request(String host) {
        Map<String, List<String>> query = Map.of("page", List.of("2"));
        return (Request) Proxy.newProxyInstance(
                Request.class.getClassLoader(),
                new Class<?>[] {Request.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "header" -> Optional.ofNullable(host);
                    case "path" -> "/posts";
                    case "rawQuery" -> "page=2";
                    case "queryNames" -> List.copyOf(query.keySet());
                    case "queryAll" -> query.getOrDefault((String) args[0], List.of());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theHostHeaderIsTrustedOnlyWhenAllowed() {
        assertThat(BaseUrl.fromHost(request("API.example.com:8443"), "https", Set.of("api.example.com"))
                        .origin())
                .isEqualTo("https://api.example.com:8443");
        assertThatThrownBy(() -> BaseUrl.fromHost(request("evil.example"), "https", Set.of("api.example.com")))
                .isInstanceOf(BadRequest.class)
                .hasMessage("Invalid Host header.");
        assertThatThrownBy(() -> BaseUrl.fromHost(request("api.example.com/x?"), "https", Set.of("api.example.com")))
                .isInstanceOf(BadRequest.class);
        assertThatThrownBy(() -> BaseUrl.fromHost(request(null), "https", Set.of("api.example.com")))
                .isInstanceOf(BadRequest.class);
    }

    @Test
    void theAllowedHostsSettingIsACommaSeparatedList() {
        assertThat(BaseUrl.hosts(" API.example.com, localhost,,[::1] "))
                .containsExactlyInAnyOrder("api.example.com", "localhost", "[::1]");
        assertThat(BaseUrl.fromHost(request("[::1]:8000"), "http", BaseUrl.hosts("[::1]"))
                        .origin())
                .isEqualTo("http://[::1]:8000");
    }

    @Test
    void aConfiguredOriginIsSchemeHostAndPortOnly() {
        assertThat(BaseUrl.of("http://localhost:8080").origin()).isEqualTo("http://localhost:8080");
        assertThatThrownBy(() -> BaseUrl.of("https://api.example.com/")).hasMessageContaining("scheme://host[:port]");
        assertThatThrownBy(() -> BaseUrl.of("javascript:alert(1)")).hasMessageContaining("scheme://host[:port]");
    }

    @Test
    void aRequestIsReadThroughItsDecodedQuery() {
        QueryInput input = QueryInput.of(request("h"));
        assertThat(input).isEqualTo(new QueryInput("/posts", "page=2", Map.of("page", List.of("2"))));
        Query q = Posts.spec().build().parse(request("h"));
        assertThat(q.page()).isEqualTo(new PageRequest.PageNumber(2, false, 20));
    }
}
