package dev.portico.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.http.FormData;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Calls made with one set of credentials, seed 002's {@code session = api(profile='day to day working')}: a profile
 * of the credentials files, a key given directly, or none (the methods that need no caller). Its headers go on every
 * call, over the client's (a session's header replaces the client's of the same name). Immutable and thread-safe.
 * <pre>{@code
 * ApiSession work = api.session("day to day working").header("X-Trace", "nightly");
 * JsonNode site = work.call("home.describe_site");
 * HomeApi home = work.proxy(HomeApi.class);
 * }</pre>
 */
public final class ApiSession {
    private final ApiClient client;
    private final Optional<Credentials> credentials;
    private final Map<String, String> headers;

    ApiSession(ApiClient client, Optional<Credentials> credentials, Map<String, String> headers) {
        this.client = client;
        this.credentials = credentials;
        this.headers = headers;
    }

    /** This session with one more header (replacing one of the same name, case-insensitively). */
    public ApiSession header(String name, String value) {
        return headers(Map.of(name, value));
    }

    /** This session with more headers; see {@link #header}. */
    public ApiSession headers(Map<String, String> more) {
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.putAll(headers);
        more.forEach((name, value) -> {
            ApiClient.checkHeader(name, value);
            all.put(name, value);
        });
        return new ApiSession(client, credentials, java.util.Collections.unmodifiableMap(all));
    }

    /** Calls a method without arguments: {@code call("home.describe_site")}. */
    public JsonNode call(String method) {
        return method(method).call();
    }

    /**
     * Calls a method by its API name ({@code home.describe_site}, or {@code home/describe_site}) with arguments by
     * name, and answers its JSON. The first call reads the method index, once per client; a name it lacks is an
     * {@link UnknownMethodException} before any request of it.
     */
    public JsonNode call(String method, Map<String, ?> arguments) {
        return method(method).call(arguments);
    }

    /** {@link #call(String, Map)} with the answer read as {@code type}. */
    public <T> T call(String method, Map<String, ?> arguments, Class<T> type) {
        return method(method, type).call(arguments);
    }

    /** The method of this API name, with seed 002's properties (callAsync, json, collate, broadcast). */
    public RemoteMethod<JsonNode> method(String method) {
        return new RemoteMethod<>(this, client.dynamicPlan(method), this::tree);
    }

    /** {@link #method(String)} with answers read as {@code type}. */
    public <T> RemoteMethod<T> method(String method, Class<T> type) {
        JavaType javaType = client.json().constructType(type);
        return new RemoteMethod<>(this, client.dynamicPlan(method), text -> read(text, javaType));
    }

    /**
     * The method {@code javaName} of an {@link dev.portico.rpc.ApiModule} interface, with seed 002's properties;
     * its answers are the method's declared return type, so {@code R} is for the caller to state.
     */
    @SuppressWarnings("unchecked")
    public <R> RemoteMethod<R> method(Class<?> api, String javaName) {
        ModulePlan.Planned planned = client.modulePlan(api).named(javaName);
        return (RemoteMethod<R>) remote(planned);
    }

    /**
     * A client of the {@link dev.portico.rpc.ApiModule} interface the server's module implements: each call of an
     * {@link dev.portico.rpc.ApiMethod} is a request; a first parameter that is the caller is the server's to fill
     * (from these credentials), so pass {@code null} for it. The interface is planned once per client.
     */
    public <T> T proxy(Class<T> api) {
        ModulePlan plan = client.modulePlan(api);
        Map<Method, RemoteMethod<?>> remotes = new java.util.HashMap<>();
        Map<Method, ModulePlan.Planned> planned = new java.util.HashMap<>();
        for (Method method : api.getMethods()) {
            plan.method(method).ifPresent(p -> {
                remotes.put(method, remote(p));
                planned.put(method, p);
            });
        }
        InvocationHandler handler = (proxy, method, args) -> {
            RemoteMethod<?> remote = remotes.get(method);
            if (remote != null) {
                return remote.call(planned.get(method).arguments(args));
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return switch (method.getName()) {
                case "toString" -> api.getSimpleName() + " proxy of " + this;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.toString());
            };
        };
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
    }

    private RemoteMethod<?> remote(ModulePlan.Planned planned) {
        JavaType result = planned.result();
        Function<String, Object> reader = result == null ? text -> null : text -> read(text, result);
        return new RemoteMethod<>(this, planned.plan(), reader);
    }

    private JsonNode tree(String text) {
        try {
            return client.json().readTree(text);
        } catch (JsonProcessingException e) {
            throw new ApiClientException(
                    Transport.safe(client.root()), "the answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private <T> T read(String text, JavaType type) {
        try {
            return client.json().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new ApiClientException(
                    Transport.safe(client.root()),
                    "the answer is not a " + type.toCanonical() + ": " + e.getOriginalMessage(),
                    e);
        }
    }

    String root() {
        return client.root();
    }

    /** Sends the call's fields to {@code root}, with this session's credentials and the headers. */
    String post(String root, String path, FormData form) {
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.putAll(client.headers());
        all.putAll(headers);
        return client.transport().post(root + "/" + path, form, credentials, all);
    }

    @Override
    public String toString() {
        return "ApiSession[" + Transport.safe(client.root()) + ", key "
                + credentials.map(Credentials::keyId).orElse("none") + ", headers " + headers.keySet() + "]";
    }
}
