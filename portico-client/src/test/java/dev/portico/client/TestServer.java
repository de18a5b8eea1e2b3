package dev.portico.client;

import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.config.PorticoConfig;
import dev.portico.config.Settings;
import dev.portico.error.AuthenticationFailed;
import dev.portico.http.FileUpload;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import dev.portico.rpc.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real Portico server on a loopback port serving {@link ShopApi}, whose callers are API keys sent as seed 002's
 * {@code authorisation=keyid:secret} field (as portico-auth's FormKeyAuthenticator reads them); it records every
 * request's method and path.
 */
final class TestServer implements AutoCloseable {
    static final String KEY_ID = "k-test";
    static final String SECRET = "s3cr3t-abcdefghijklmnopqrst";
    static final String OTHER_ID = "k-other";
    static final String OTHER_SECRET = "other-secret-ABCDEFGHIJ";

    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> forgotten = new CopyOnWriteArrayList<>();
    private final Portico app;
    private final String name;

    private TestServer(String name, boolean protectedIndex) {
        this.name = name;
        Api.Builder apis = Api.builder().authenticators(new KeyField()).module(new Shop());
        if (protectedIndex) {
            apis.index(e -> e.authenticators(new KeyField()).permissions(Permission.authenticated()));
        }
        Api api = apis.build();
        Portico.Builder builder = Portico.builder()
                .shutdownHook(false)
                .config(PorticoConfig.builder()
                        .set(Settings.SERVER_HOST, "127.0.0.1")
                        .set(Settings.SERVER_PORT, 0)
                        .build())
                .middleware(next -> request -> {
                    requests.add(request.method() + " " + request.path());
                    return next.handle(request);
                });
        this.app = builder.endpoints(api.endpoints()).build().start();
    }

    static TestServer start() {
        return new TestServer("server", false);
    }

    static TestServer start(String name) {
        return new TestServer(name, false);
    }

    /** A server whose method index needs a caller, as {@code Api.builder().index(...)} may make it. */
    static TestServer startWithProtectedIndex() {
        return new TestServer("server", true);
    }

    String root() {
        return "http://127.0.0.1:" + app.port() + "/api";
    }

    @Override
    public void close() {
        app.stop();
    }

    /** {@code authorisation=keyid:secret} in the body, as seed 002 sends it. */
    private static final class KeyField implements Authenticator {
        private static final Map<String, String> KEYS = Map.of(KEY_ID, SECRET, OTHER_ID, OTHER_SECRET);

        @Override
        public Optional<Principal> authenticate(Request request) {
            Optional<String> field = request.form().flatMap(form -> form.first("authorisation"));
            if (field.isEmpty()) {
                return Optional.empty();
            }
            String[] parts = field.get().split(":", 2);
            if (parts.length != 2 || !parts[1].equals(KEYS.get(parts[0]))) {
                throw new AuthenticationFailed("Invalid API key.");
            }
            return Optional.of(
                    new KeyCaller(parts[0], request.header("X-Tenant").orElse("none")));
        }

        @Override
        public Set<String> formFields() {
            return Set.of("authorisation");
        }

        @Override
        public Class<? extends Principal> principalType() {
            return KeyCaller.class;
        }
    }

    /** The implementation: the server registers the class, the client proxies the interface. */
    private final class Shop implements ShopApi {
        @Override
        public Receipt order(KeyCaller caller, List<Item> items, Optional<String> note) {
            return new Receipt(
                    caller.id(),
                    items,
                    note,
                    items.stream().mapToInt(Item::quantity).sum());
        }

        @Override
        public Who whoAmI(KeyCaller caller, Color color) {
            return new Who(caller.id() + "@" + name, caller.tenant(), color == null ? "none" : color.name());
        }

        @Override
        public String greet(String name) {
            return "Hello, " + name;
        }

        @Override
        public Map<String, Integer> count(List<String> words, Instant at) {
            Map<String, Integer> counts = new TreeMap<>();
            words.forEach(w -> counts.merge(w, 1, Integer::sum));
            if (at != null) {
                counts.put("at:" + at.getEpochSecond(), 1);
            }
            return counts;
        }

        @Override
        public Received upload(FileUpload file, Optional<String> note) throws IOException {
            return new Received(
                    file.name(), file.contentType(), new String(file.bytes(), StandardCharsets.UTF_8), note);
        }

        @Override
        public void forget(String name) {
            forgotten.add(name);
        }
    }
}
