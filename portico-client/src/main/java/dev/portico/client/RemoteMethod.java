package dev.portico.client;

import dev.portico.http.FormData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API method of a session, with the properties seed 002's {@code api_api} gives a method: {@link #name()},
 * {@link #call}, {@link #callAsync} (on a virtual thread), {@link #json} (the raw JSON), {@link #collate} (the form
 * fields it would send) and {@link #broadcast} (the same call on several roots, in parallel). Arguments are given by
 * name; an argument the method does not have fails before any request.
 * <pre>{@code
 * RemoteMethod<JsonNode> describe = api.method("home.describe_site");
 * describe.callAsync();                                     // fire and forget; a failure is logged
 * String text = describe.json();                            // {"name":"Blog",...}
 * FormData fields = api.method("home.find_user").collate(Map.of("firstname", "joe", "lastname", "bloggs"));
 * }</pre>
 *
 * @param <R> what a call answers: a {@code JsonNode}, or the method's declared type
 */
public final class RemoteMethod<R> {
    /** The logger {@link #callAsync} reports failures on, as the seed's {@code logging.getLogger('api_api')}. */
    public static final String LOGGER = "portico.client";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final ApiSession session;
    private final MethodPlan plan;
    private final Function<String, R> reader;

    RemoteMethod(ApiSession session, MethodPlan plan, Function<String, R> reader) {
        this.session = session;
        this.plan = plan;
        this.reader = reader;
    }

    /** The method's API name, {@code home.describe_site}. */
    public String name() {
        return plan.name();
    }

    /** Calls it without arguments. */
    public R call() {
        return call(Map.of());
    }

    /** Calls it with these arguments, by name; an {@link ApiClientException} when it fails. */
    public R call(Map<String, ?> arguments) {
        return reader.apply(json(arguments));
    }

    /** Calls it without arguments on a virtual thread. */
    public CompletableFuture<R> callAsync() {
        return callAsync(Map.of());
    }

    /**
     * Calls it on a new virtual thread and returns at once. A failure completes the future exceptionally and is also
     * logged as a warning on the {@code portico.client} logger, so a call whose future nobody reads is not lost.
     */
    public CompletableFuture<R> callAsync(Map<String, ?> arguments) {
        FormData form = collate(arguments); // a misuse fails here, in the caller's thread
        return async(() -> reader.apply(session.post(session.root(), plan.path(), form)));
    }

    CompletableFuture<R> async(java.util.function.Supplier<R> call) {
        CompletableFuture<R> future = new CompletableFuture<>();
        Thread.ofVirtual().name("portico-client " + name()).start(() -> {
            try {
                future.complete(call.get());
            } catch (RuntimeException | Error e) {
                LOG.warn("{} failed: {}", name(), e.getMessage(), e);
                future.completeExceptionally(e);
            }
        });
        return future;
    }

    /** The raw JSON answer, without arguments. */
    public String json() {
        return json(Map.of());
    }

    /** Calls it and answers the JSON text as the server sent it. */
    public String json(Map<String, ?> arguments) {
        return session.post(session.root(), plan.path(), collate(arguments));
    }

    /** The form fields of a call without arguments (none, for most methods). */
    public FormData collate() {
        return collate(Map.of());
    }

    /**
     * The form fields this call would send, without sending it: seed 002's {@code collate()}. Core's
     * {@link dev.portico.form.FormEncoder}, the exact inverse of the server's decoder, writes them; the credentials
     * are not among them.
     */
    public FormData collate(Map<String, ?> arguments) {
        return plan.collate(session.root(), arguments);
    }

    /** {@link #broadcast(List, Map)} without arguments. */
    public List<Outcome<R>> broadcast(List<String> roots) {
        return broadcast(roots, Map.of());
    }

    /**
     * Makes this call on every root ({@code http://a.example/api}, ...) at once, each on its own virtual thread, with
     * this session's credentials and headers, and answers each root's result or failure, in the order of
     * {@code roots}. An {@link Error} (out of memory, an assertion) is no root's outcome: broadcast waits for every
     * root, then throws it.
     */
    public List<Outcome<R>> broadcast(List<String> roots, Map<String, ?> arguments) {
        return broadcast(roots, collate(arguments));
    }

    List<Outcome<R>> broadcast(List<String> roots, FormData form) {
        List<CompletableFuture<Outcome<R>>> calls = new ArrayList<>();
        for (String root : roots) {
            String trimmed = ApiClient.trim(root);
            CompletableFuture<Outcome<R>> outcome = new CompletableFuture<>();
            Thread.ofVirtual().name("portico-client broadcast " + name()).start(() -> {
                try {
                    outcome.complete(
                            new Outcome.Success<>(trimmed, reader.apply(session.post(trimmed, plan.path(), form))));
                } catch (ApiClientException e) {
                    outcome.complete(new Outcome.Failure<>(trimmed, e));
                } catch (RuntimeException e) {
                    outcome.complete(new Outcome.Failure<>(
                            trimmed, new ApiClientException(Transport.safe(trimmed), e.toString(), e)));
                } catch (Throwable e) { // an Error too, or the join below would wait for ever
                    outcome.completeExceptionally(e);
                }
            });
            calls.add(outcome);
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .join();
        return calls.stream().map(RemoteMethod::joined).toList();
    }

    /** The outcome of a finished call; the {@link Error} itself, not a {@code CompletionException}, for an Error. */
    private static <T> T joined(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** A proxy's call: the arguments in declared order. */
    R call(Object[] arguments) {
        return reader.apply(session.post(session.root(), plan.path(), plan.collate(arguments)));
    }

    @Override
    public String toString() {
        return "RemoteMethod[" + name() + " " + plan.arguments() + "]";
    }
}
