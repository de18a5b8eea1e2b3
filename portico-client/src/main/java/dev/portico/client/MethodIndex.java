package dev.portico.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.form.IdResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's method index ({@code GET <root>/_index}), read once, by the first dynamic call, and kept for the
 * client's life: it says which methods exist and their arguments' names, so a misspelt name fails before any request
 * of it. A failed read is not kept, so the next call tries again.
 *
 * <p>It is read without credentials: the index is the same for every caller and is shared by every session of the
 * client, and a key travels in a form body, which a {@code GET} has none of. Portico serves it publicly (the example
 * app's is public); a server that protects it answers 401 or 403, and the message says how to get past that.
 */
final class MethodIndex {
    /** What to do when the server protects its index (Portico's is public unless {@code Api.Builder.index} says so). */
    static final String PROTECTED = "the server protects its method index, which the client reads without "
            + "credentials and with the client's headers only (one index serves every session): give the client a "
            + "header the server accepts (ApiClient.builder(root).header(...)), or call through a typed proxy, which "
            + "needs no index";

    private final ApiClient client;
    private volatile Map<String, MethodPlan> methods;

    MethodIndex(ApiClient client) {
        this.client = client;
    }

    MethodPlan plan(String name, List<IdResolver<?>> resolvers) {
        Map<String, MethodPlan> known = methods(resolvers);
        String key = (name.startsWith("api:") ? name.substring(4) : name).replace('/', '.');
        MethodPlan plan = known.get(key);
        if (plan == null) {
            throw new UnknownMethodException(
                    "POST " + Transport.safe(client.root()) + "/" + key.replace('.', '/'),
                    "the API has no method \"" + name + "\"; its methods are " + known.keySet());
        }
        return plan;
    }

    private Map<String, MethodPlan> methods(List<IdResolver<?>> resolvers) {
        Map<String, MethodPlan> known = methods;
        if (known == null) {
            synchronized (this) {
                known = methods;
                if (known == null) {
                    known = read(resolvers);
                    methods = known;
                }
            }
        }
        return known;
    }

    /**
     * The names only, read from the JSON tree rather than into {@link dev.portico.rpc.ApiIndex}: a client must keep
     * working when a newer server adds to the index, and only modules, methods and argument names are needed here.
     */
    private Map<String, MethodPlan> read(List<IdResolver<?>> resolvers) {
        String url = client.root() + "/_index";
        JsonNode index;
        try {
            index = client.json().readTree(client.transport().get(url, client.headers()));
        } catch (ApiErrorException e) {
            if (e.status() == 401 || e.status() == 403) {
                throw e.withHint(PROTECTED);
            }
            throw e;
        } catch (JsonProcessingException e) {
            throw new ApiClientException(
                    "GET " + Transport.safe(url),
                    "GET " + Transport.safe(url) + " is not a Portico method index: " + e.getOriginalMessage(),
                    e);
        }
        if (!index.path("modules").isArray()) {
            throw new ApiClientException(
                    "GET " + Transport.safe(url),
                    "GET " + Transport.safe(url) + " is not a Portico method index: it has no \"modules\"",
                    null);
        }
        Map<String, MethodPlan> plans = new LinkedHashMap<>();
        for (JsonNode module : index.get("modules")) {
            for (JsonNode method : module.path("methods")) {
                String name =
                        module.path("name").asText() + "." + method.path("name").asText();
                List<String> arguments = new ArrayList<>();
                method.path("arguments")
                        .forEach(argument -> arguments.add(argument.path("name").asText()));
                plans.put(
                        name,
                        MethodPlan.dynamic(name, arguments, resolvers, dev.portico.config.Naming.of(client.json())));
            }
        }
        return java.util.Collections.unmodifiableMap(plans);
    }
}
