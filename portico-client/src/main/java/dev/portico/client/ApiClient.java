package dev.portico.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.form.IdResolver;
import dev.portico.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The Java counterpart of seed 002's {@code api_api}: calls a Portico API's methods
 * ({@code POST /api/<module>/<method>} with form fields) by name or through the server's own {@link
 * dev.portico.rpc.ApiModule} interface, with keys from credentials files.
 * <pre>{@code
 * try (ApiClient api = ApiClient.create("http://mywonderfulsite.com/api", "~/.mywonderfulsite/config")) {
 *     JsonNode site = api.call("home.describe_site");            // the [default] profile
 *     site.get("users").get("count").asInt();
 *     ApiSession work = api.session("day to day working");       // another profile
 *     HomeApi home = work.proxy(HomeApi.class);                  // typed, from the server's interface
 * }
 * }</pre>
 * The client's own calls ({@link #call}, {@link #method}, {@link #proxy}) are those of its default session: the
 * {@code [default]} profile when the files have one, else no credentials. The method index ({@code GET /api/_index})
 * is read once, by the first dynamic call. Thread-safe; close it to release the HTTP client.
 */
public final class ApiClient implements AutoCloseable {
    private final String root;
    private final CredentialsFiles credentials;
    private final Map<String, String> headers;
    private final List<IdResolver<?>> resolvers;
    private final ObjectMapper json;
    private final Transport transport;
    private final MethodIndex index;
    private final Map<Class<?>, ModulePlan> modules = new ConcurrentHashMap<>();
    private final ApiSession defaultSession;

    private ApiClient(Builder builder) {
        this.root = trim(builder.root);
        this.credentials = CredentialsFiles.read(builder.files, builder.home);
        this.headers = Collections.unmodifiableMap(new TreeMap<>(builder.headers));
        this.resolvers = List.copyOf(builder.resolvers);
        // unknown fields are ignored: a server may add fields to an answer without breaking its clients
        this.json = Json.mapper(new Json.Limits(64, 16 << 20, 1000, false), builder.naming);
        this.transport = new Transport(builder.connectTimeout, builder.requestTimeout, json);
        this.index = new MethodIndex(this);
        this.defaultSession = new ApiSession(
                this,
                credentials.has(CredentialsFiles.DEFAULT)
                        ? Optional.of(credentials.profile(CredentialsFiles.DEFAULT))
                        : Optional.empty(),
                Map.of());
    }

    /** A client of the API at {@code root} ({@code http://site/api}) with the keys of these credentials files. */
    public static ApiClient create(String root, List<Path> credentialsFiles) {
        return builder(root).credentialsFiles(credentialsFiles).build();
    }

    /** {@link #create(String, List)} with the files' names as strings ({@code ~/.mysite/config}). */
    public static ApiClient create(String root, String... credentialsFiles) {
        return create(root, Arrays.stream(credentialsFiles).map(Path::of).toList());
    }

    /** A builder, for headers, timeouts and model types. */
    public static Builder builder(String root) {
        return new Builder(root);
    }

    /** A session with the key of this profile of the credentials files. */
    public ApiSession session(String profile) {
        return new ApiSession(this, Optional.of(credentials.profile(profile)), Map.of());
    }

    /** A session with the key given directly (seed 002's {@code api(key_id=..., key_secret=...)}). */
    public ApiSession session(String keyId, String keySecret) {
        return new ApiSession(this, Optional.of(new Credentials(keyId, keySecret)), Map.of());
    }

    /** A session without credentials, for the methods that need no caller. */
    public ApiSession anonymous() {
        return new ApiSession(this, Optional.empty(), Map.of());
    }

    /** The default session: the {@code [default]} profile, or no credentials when the files have none. */
    public ApiSession session() {
        return defaultSession;
    }

    /** {@link ApiSession#call(String)} on the default session. */
    public JsonNode call(String method) {
        return defaultSession.call(method);
    }

    /** {@link ApiSession#call(String, Map)} on the default session. */
    public JsonNode call(String method, Map<String, ?> arguments) {
        return defaultSession.call(method, arguments);
    }

    /** {@link ApiSession#call(String, Map, Class)} on the default session. */
    public <T> T call(String method, Map<String, ?> arguments, Class<T> type) {
        return defaultSession.call(method, arguments, type);
    }

    /** {@link ApiSession#method(String)} on the default session. */
    public RemoteMethod<JsonNode> method(String method) {
        return defaultSession.method(method);
    }

    /** {@link ApiSession#method(Class, String)} on the default session. */
    public <R> RemoteMethod<R> method(Class<?> api, String javaName) {
        return defaultSession.method(api, javaName);
    }

    /** {@link ApiSession#proxy(Class)} on the default session. */
    public <T> T proxy(Class<T> api) {
        return defaultSession.proxy(api);
    }

    /** The API root, without a trailing slash. */
    public String root() {
        return root;
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "ApiClient[" + Transport.safe(root) + ", headers " + headers.keySet() + "]";
    }

    Map<String, String> headers() {
        return headers;
    }

    ObjectMapper json() {
        return json;
    }

    Transport transport() {
        return transport;
    }

    MethodPlan dynamicPlan(String method) {
        return index.plan(method, resolvers);
    }

    ModulePlan modulePlan(Class<?> api) {
        return modules.computeIfAbsent(api, type -> ModulePlan.of(type, resolvers, json));
    }

    static String trim(String root) {
        URI uri = URI.create(Objects.requireNonNull(root, "root"));
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "the API root is an http or https URL (http://site/api), not \"" + Transport.safe(root) + "\"");
        }
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /** A header the JDK's HttpClient accepts; the value is never printed (it may be a token). */
    static void checkHeader(String name, String value) {
        try {
            HttpRequest.newBuilder().header(name, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the header \"" + name + "\" cannot be sent: " + e.getMessage()
                            + (e.getMessage() != null && e.getMessage().contains("restricted")
                                    ? "; the JDK restricts it unless -Djdk.httpclient.allowRestrictedHeaders="
                                            + name.toLowerCase(java.util.Locale.ROOT) + " is set when the JVM starts"
                                    : ""),
                    null);
        }
    }

    /** The client's options; everything is checked by {@link #build()}. */
    public static final class Builder {
        private final String root;
        private final List<Path> files = new ArrayList<>();
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final List<IdResolver<?>> resolvers = new ArrayList<>();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Path home = Path.of(System.getProperty("user.home"));
        private dev.portico.config.Naming naming = dev.portico.config.Naming.CAMEL_CASE;

        private Builder(String root) {
            this.root = root;
        }

        /** Adds credentials files, read in order; a later file's profile replaces an earlier one of the same name. */
        public Builder credentialsFiles(List<Path> more) {
            files.addAll(more);
            return this;
        }

        /** Adds one credentials file. */
        public Builder credentialsFile(Path file) {
            files.add(file);
            return this;
        }

        /** A header on every call (seed 002's {@code API(..., headers={...})}); sessions may replace it. */
        public Builder header(String name, String value) {
            checkHeader(name, value);
            headers.put(name, value);
            return this;
        }

        /**
         * The server's {@code json.naming}, so records' fields are sent (in forms) and read (in JSON) under the names it
         * uses; {@code camel_case}, the server's default, when not called.
         */
        public Builder naming(dev.portico.config.Naming naming) {
            this.naming = java.util.Objects.requireNonNull(naming, "naming");
            return this;
        }

        /** How long to wait for a connection; 10 seconds by default. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect");
            return this;
        }

        /** How long to wait for a whole answer; 30 seconds by default. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "request");
            return this;
        }

        /**
         * Sends arguments of {@code type} by their public id, as the server's {@code IdResolver} reads them
         * (seed 002's "Passing in models"), in typed proxies.
         */
        public <T> Builder model(Class<T> type, Function<T, String> publicId) {
            resolvers.add(IdResolver.of(
                    type,
                    id -> {
                        throw new UnsupportedOperationException("a client sends models, it does not look them up");
                    },
                    publicId));
            return this;
        }

        /** Where {@code ~} leads in the files' names; the user's home by default. */
        public Builder home(Path home) {
            this.home = Objects.requireNonNull(home, "home");
            return this;
        }

        /** The client; a {@link CredentialsException} naming the file and line of a malformed file. */
        public ApiClient build() {
            trim(root);
            return new ApiClient(this);
        }

        private static Duration positive(Duration timeout, String what) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the " + what + " timeout is positive, not " + timeout);
            }
            return timeout;
        }
    }
}
