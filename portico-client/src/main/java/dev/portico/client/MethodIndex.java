package dev.portico.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.portico.form.IdResolver;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's method index ({@code GET <root>/_index}), read once, by the first dynamic call, and kept for the
 * client's life: it says which methods exist and their arguments' names, so a misspelt name fails before any request
 * of it. A failed read is not kept, so the next call tries again.
 */
final class MethodIndex {
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
            throw new UnknownMethodException("POST " + Transport.safe(client.root()) + "/" + key.replace('.', '/'),
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
        } catch (JsonProcessingException e) {
            throw new ApiClientException("GET " + Transport.safe(url), "GET " + Transport.safe(url)
                    + " is not a Portico method index: " + e.getOriginalMessage(), e);
        }
        if (!index.path("modules").isArray()) {
            throw new ApiClientException("GET " + Transport.safe(url), "GET " + Transport.safe(url)
                    + " is not a Portico method index: it has no \"modules\"", null);
        }
        Map<String, MethodPlan> plans = new LinkedHashMap<>();
        for (JsonNode module : index.get("modules")) {
            for (JsonNode method : module.path("methods")) {
                String name = module.path("name").asText() + "." + method.path("name").asText();
                List<String> arguments = new ArrayList<>();
                method.path("arguments").forEach(argument -> arguments.add(argument.path("name").asText()));
                plans.put(name, MethodPlan.dynamic(name, arguments, resolvers));
            }
        }
        return java.util.Collections.unmodifiableMap(plans);
    }
}
