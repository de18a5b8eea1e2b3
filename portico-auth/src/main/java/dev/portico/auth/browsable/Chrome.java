package dev.portico.auth.browsable;

import dev.portico.http.Request;
import java.util.HashMap;
import java.util.Map;

/**
 * The values of the shared layout ({@code dev/portico/auth/page/layout.mustache}) for one request: the site's name,
 * where its stylesheet and script are, who is signed in (as the answer's own authentication decided), and the log in
 * and log out addresses that come back to this page.
 */
record Chrome(String site, String home, String prefix) {

    Map<String, Object> scope(Request request, String csrf) {
        Map<String, Object> scope = new HashMap<>();
        String here = request.path() + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery());
        scope.put("site", site);
        scope.put("home", home);
        scope.put("assets", prefix);
        scope.put("csrf", csrf);
        scope.put("here", here);
        scope.put("login", prefix + "login/?next=" + ApiPageView.encode(here));
        scope.put("logout", prefix + "logout/");
        ApiPageView.who(request).ifPresent(u -> scope.put("user", u));
        return scope;
    }
}
