package dev.portico.auth.keys;

import dev.portico.auth.Authenticator;
import dev.portico.auth.Guesses;
import dev.portico.auth.SecurityScheme;
import dev.portico.auth.accounts.Caller;
import dev.portico.error.AuthenticationFailed;
import dev.portico.http.Principal;
import dev.portico.http.Request;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 002's {@code authorisation=keyid:secret} argument: a field of an urlencoded or multipart body, read through
 * {@link Request#form()} so the endpoint still binds the body. The seed allows the query string too and warns
 * against it ("it exposes your authorisation in server logs"): it is accepted unless {@link #bodyOnly()}, and the
 * first use on each endpoint logs a warning naming the endpoint, never the value. A body field wins over a query
 * parameter. A field that is present but refused is a 401 saying {@code Invalid API key.}.
 *
 * <p>There is no HTTP challenge for a form field, so {@link #challenge()} is empty.
 */
public final class FormKeyAuthenticator implements Authenticator {
    /** The field's name, as the seed spells it. */
    public static final String FIELD = "authorisation";

    private static final Logger LOG = LoggerFactory.getLogger(FormKeyAuthenticator.class);

    private final ApiKeys keys;
    private final boolean queryString;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private FormKeyAuthenticator(ApiKeys keys, boolean queryString) {
        this.keys = keys;
        this.queryString = queryString;
    }

    /** Reads the field from the body, and from the query string with a warning. */
    public static FormKeyAuthenticator create(ApiKeys keys) {
        return new FormKeyAuthenticator(keys, true);
    }

    /** The same authenticator, ignoring {@code authorisation} in the query string. */
    public FormKeyAuthenticator bodyOnly() {
        return new FormKeyAuthenticator(keys, false);
    }

    @Override
    public Optional<Principal> authenticate(Request request) {
        Optional<String> credential = request.form().flatMap(form -> form.first(FIELD));
        if (credential.isEmpty() && queryString) {
            credential = request.query(FIELD);
            credential.ifPresent(c -> warnOnce(request));
        }
        if (credential.isEmpty()) {
            return Optional.empty();
        }
        Optional<Caller> caller = keys.authenticate(credential.get());
        if (caller.isEmpty()) {
            Guesses.of(request).failed(request); // counted by address; 429 once over the limit
            throw new AuthenticationFailed(ApiKeyAuthenticator.INVALID);
        }
        return Optional.of(caller.get());
    }

    private void warnOnce(Request request) {
        String endpoint = request.route();
        if (warned.add(endpoint)) {
            LOG.warn(
                    "{}: an API key came in the query string ('{}'), where server and proxy logs keep it; send it as a"
                            + " form field of the body or in an 'Authorization: Api-Key' header (logged once per"
                            + " endpoint)",
                    endpoint,
                    FIELD);
        }
    }

    /**
     * {@code formApiKey}, an API key in the query parameter {@code authorisation}, when the query string is read; the
     * body field, which OpenAPI cannot name as a security location, is documented in each form body's schema
     * ({@link #formFields()}). Body-only, there is no scheme to document.
     */
    @Override
    public Optional<SecurityScheme> scheme() {
        return queryString
                ? Optional.of(SecurityScheme.apiKeyQuery("formApiKey", FIELD)
                        .description("Seed 002's `authorisation=keyid:secret`: best as a field of a form body (listed"
                                + " in the body's schema, and since OpenAPI has no scheme for a body field,"
                                + " such operations also list the empty requirement); the query string works"
                                + " too, but server logs keep it."))
                : Optional.empty();
    }

    /** The {@code authorisation} field, which the endpoint's own input leaves out. */
    @Override
    public Set<String> formFields() {
        return Set.of(FIELD);
    }

    /** The {@code authorisation} field is the whole credential. */
    @Override
    public boolean formFieldIdentifies() {
        return true;
    }

    @Override
    public Class<? extends Principal> principalType() {
        return Caller.class;
    }
}
