package dev.portico.auth;

import dev.portico.http.HttpMethod;
import dev.portico.http.Request;
import java.util.function.Predicate;

/** A permission made by {@link Permission}'s factories: its test, and what it admits of anonymous callers. */
record Rule(Predicate<Request> test, Predicate<HttpMethod> anonymous) implements Permission {
    private static final HttpMethod[] DECLARABLE = {
        HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE
    };

    @Override
    public boolean allows(Request request) {
        return test.test(request);
    }

    /** Anonymous callers pass whatever the method. */
    @Override
    public boolean admitsAnonymous() {
        for (HttpMethod method : DECLARABLE) {
            if (!anonymous.test(method)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean admitsAnonymous(HttpMethod method) {
        return anonymous.test(method);
    }
}
