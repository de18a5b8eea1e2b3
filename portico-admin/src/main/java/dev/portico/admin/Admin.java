package dev.portico.admin;

import dev.portico.Module;
import dev.portico.Portico;
import dev.portico.auth.Authenticator;
import dev.portico.auth.Permission;
import dev.portico.auth.accounts.Accounts;
import dev.portico.auth.module.AuthModule;
import dev.portico.auth.session.Sessions;
import dev.portico.data.Database;
import dev.portico.data.MigrationSet;
import dev.portico.data.resource.Resource;
import dev.portico.endpoint.Endpoint;
import dev.portico.endpoint.EndpointBuilder;
import dev.portico.endpoint.Invoker;
import dev.portico.http.HttpMethod;
import dev.portico.http.Middleware;
import dev.portico.http.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The admin site (Django's {@code admin.site}): staff sign in with a session and manage the rows of every registered
 * resource, each change written to an audit log.
 * <pre>{@code
 * app.install(db).install(auth)
 *    .install(Admin.module(auth, db).title("Blog administration")
 *            .register(posts)                                     // one line per model
 *            .register(employees, m -> m.columns("name", "department", "salary")));
 * }</pre>
 * <pre>
 *   GET       /admin/                       the models and the latest changes
 *   GET|POST  /admin/login/   POST /admin/logout/
 *   GET|POST  /admin/posts/                 the list (search, filters, ordering, pages); POST: delete the ticked rows
 *   GET|POST  /admin/posts/add/             the add form
 *   GET|POST  /admin/posts/{id}/change/     the change form (409 when someone saved in between)
 *   GET|POST  /admin/posts/{id}/delete/     the confirmation, listing what goes with it; POST deletes
 *   GET       /admin/posts/{id}/history/    the audit log of the row
 * </pre>
 * Only an active staff member signed in by a session passes, checked again by every endpoint; every POST carries
 * the session's CSRF token. Pages are server-rendered (Mustache, escaping every value), run no script, and send a
 * strict Content-Security-Policy and {@code X-Frame-Options: DENY}. They are hidden from the OpenAPI document. The
 * audit log's table is {@link #MIGRATIONS}, which the app names after {@code Accounts.MIGRATIONS}.
 */
public final class Admin implements Module {
    /** The audit log's migrations (module {@code admin}); they refer to portico-auth's users, so apply those first. */
    public static final MigrationSet MIGRATIONS = new MigrationSet("admin", "db/portico/admin");
    /** Where the site is mounted unless told otherwise. */
    public static final String DEFAULT_PREFIX = "/admin/";

    private final Accounts accounts;
    private final Sessions sessions;
    private final List<Resource<?>> resources = new ArrayList<>();
    private final List<ModelAdmin<?>> options = new ArrayList<>();
    private String prefix = DEFAULT_PREFIX;
    private String title = "Administration";
    private Database db; // set by module(...): where install migrates the audit log

    private Admin(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** The site for the staff of {@code accounts}, signing in with {@code sessions}. */
    public static Admin create(Accounts accounts, Sessions sessions) {
        return new Admin(accounts, sessions);
    }

    /**
     * The site as a module: installed after {@code auth}, it migrates its audit log on {@code db} (after the users
     * it refers to) and mounts its pages, for the staff of {@code auth}'s accounts signing in with its sessions.
     */
    public static Admin module(AuthModule auth, Database db) {
        Admin admin = new Admin(auth.accounts(), auth.sessions());
        admin.db = db;
        return admin;
    }

    @Override
    public String name() {
        return "Admin.module(auth, db)";
    }

    /** Migrates the audit log's table (when made by {@link #module}) and mounts the site. */
    @Override
    public void install(Portico.Builder app) {
        if (db != null) {
            db.migrations(MIGRATIONS);
        }
        addTo(app);
    }

    /** The site's name in headings and the browser's tab. */
    public Admin title(String title) {
        this.title = title;
        return this;
    }

    /** Where it is mounted ({@value #DEFAULT_PREFIX}): starts and ends with {@code /}. */
    public Admin prefix(String prefix) {
        if (!prefix.startsWith("/") || !prefix.endsWith("/") || !prefix.matches("[A-Za-z0-9/_.-]+")) {
            throw new IllegalArgumentException("Admin: the prefix must start and end with / and hold only letters, "
                    + "digits, '-', '_', '.' and '/', such as " + DEFAULT_PREFIX + ", not " + prefix);
        }
        this.prefix = prefix;
        return this;
    }

    /** Registers a resource's model with the default columns and label. */
    public <T extends Record> Admin register(Resource<T> resource) {
        return register(resource, m -> {});
    }

    /** Registers a resource's model, with options ({@code m -> m.columns("title", "draft")}). */
    public <T extends Record> Admin register(Resource<T> resource, Consumer<ModelAdmin<T>> configure) {
        ModelAdmin<T> admin = new ModelAdmin<>();
        configure.accept(admin);
        resources.add(resource);
        options.add(admin);
        return this;
    }

    /** The endpoints; fails naming the fix for two models with one slug or a column that is no component. */
    public List<Endpoint> endpoints() {
        List<Registered<?>> models = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) {
            models.add(registered(resources.get(i), options.get(i)));
        }
        long slugs = models.stream().map(m -> m.slug).distinct().count();
        if (slugs != models.size()
                || models.stream()
                        .anyMatch(m -> m.slug.equals(AccountViews.USERS)
                                || m.slug.equals(AccountViews.ROLES)
                                || m.slug.equals("login")
                                || m.slug.equals("logout"))) {
            throw new IllegalStateException(
                    "Admin: two registered models share a table name, or one is named users, roles, login or logout,"
                            + " which the admin uses; register each once, under another table name");
        }
        sameDatabase(models);
        AuditLog log = new AuditLog(accounts.database().jdbi(), accounts.clock());
        Site site = new Site(prefix, title, sessions, log, models, accounts.clock());
        Related related = new Related(accounts.database().dataSource());
        SignIn signIn = new SignIn(site, accounts);
        List<Endpoint> all = new ArrayList<>();
        all.add(open(site, HttpMethod.GET, prefix + "login/", signIn::form));
        all.add(build(builder(
                        site,
                        HttpMethod.POST,
                        prefix + "login/",
                        signIn::login,
                        sessions.csrf().protect())
                .throttle(accounts.throttle().orElse(null))));
        all.add(open(site, HttpMethod.POST, prefix + "logout/", signIn::logout));
        all.add(staff(site, HttpMethod.GET, prefix, signIn::index));
        for (Registered<?> m : models) {
            all.addAll(modelEndpoints(site, m, related));
        }
        all.addAll(accountEndpoints(site));
        all.add(stylesheet());
        return all;
    }

    /** The audit entry is written in each change's transaction, so every model must live beside the log. */
    private void sameDatabase(List<Registered<?>> models) {
        for (Registered<?> m : models) {
            if (m.rows.dataSource() != accounts.database().dataSource()) {
                throw new IllegalStateException("Admin: " + m.model.type().getSimpleName() + "'s resource is on "
                        + "another Database than the accounts, and the audit log is written in the same transaction as "
                        + "each change; build the resource on the Database given to Accounts.create (or AuthModule)");
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Registered<?> registered(Resource<?> resource, ModelAdmin<?> options) {
        return new Registered(resource, options);
    }

    private <T extends Record> List<Endpoint> modelEndpoints(Site site, Registered<T> m, Related related) {
        ListView<T> list = new ListView<>(site, m);
        ObjectViews<T> objects = new ObjectViews<>(site, m, list);
        DeleteViews<T> deletes = new DeleteViews<>(site, m, objects, related);
        String base = prefix + m.slug + "/";
        String item = base + (m.model.key().type() == String.class ? "{id:slug}/" : "{id:long}/");
        List<Endpoint> out = new ArrayList<>();
        out.add(staff(site, HttpMethod.GET, base, list::show));
        out.add(staff(site, HttpMethod.POST, base, deletes::bulk));
        if (m.addForm.isPresent()) {
            out.add(staff(site, HttpMethod.GET, base + "add/", objects::addForm));
            out.add(staff(site, HttpMethod.POST, base + "add/", objects::add));
        }
        if (m.changeForm.isPresent()) {
            out.add(staff(site, HttpMethod.POST, item + "change/", objects::change));
        }
        out.add(staff(site, HttpMethod.GET, item + "change/", objects::changeForm));
        out.add(staff(site, HttpMethod.GET, item + "delete/", deletes::confirmOne));
        out.add(staff(site, HttpMethod.POST, item + "delete/", deletes::deleteOne));
        out.add(staff(site, HttpMethod.GET, item + "history/", deletes::history));
        return out;
    }

    /** Users, their API keys, and roles: superusers only. */
    private List<Endpoint> accountEndpoints(Site site) {
        AccountViews v = new AccountViews(site, accounts);
        String users = prefix + AccountViews.USERS + "/";
        String user = users + "{id:long}/";
        return List.of(
                superuser(site, HttpMethod.GET, users, v::users),
                superuser(site, HttpMethod.GET, user, v::account),
                superuser(site, HttpMethod.POST, user, v::change),
                superuser(site, HttpMethod.POST, user + "password/", v::password),
                superuser(site, HttpMethod.POST, user + "sessions/", v::endSessions),
                superuser(site, HttpMethod.POST, user + "keys/", v::createKey),
                superuser(site, HttpMethod.POST, user + "keys/{key}/revoke/", v::revokeKey),
                superuser(site, HttpMethod.GET, user + "history/", v::history),
                superuser(site, HttpMethod.GET, prefix + AccountViews.ROLES + "/", v::roles),
                superuser(site, HttpMethod.POST, prefix + AccountViews.ROLES + "/", v::defineRole));
    }

    private Endpoint superuser(Site site, HttpMethod method, String path, Invoker handler) {
        return build(builder(site, method, path, site.superuserOnly(handler)));
    }

    /** Mounts the site on {@code app} and installs the session middleware, which writes the cookies. */
    public Portico.Builder addTo(Portico.Builder app) {
        sessions.install(app);
        app.endpoints(this::endpoints); // made when the app is built: a command never pays for them
        return app;
    }

    private Endpoint staff(Site site, HttpMethod method, String path, Invoker handler) {
        return build(builder(site, method, path, site.staffOnly(handler)));
    }

    private Endpoint open(Site site, HttpMethod method, String path, Invoker handler) {
        return build(builder(site, method, path, handler));
    }

    private EndpointBuilder builder(Site site, HttpMethod method, String path, Invoker handler, Middleware... more) {
        List<Middleware> middlewares = new ArrayList<>();
        middlewares.add(site.errorsAsPages());
        middlewares.addAll(List.of(more));
        return Endpoint.builder(method, path)
                .output(Response.class)
                .produces("text/html")
                .handle(handler)
                .middleware(middlewares.toArray(Middleware[]::new))
                .authenticators(sessions.authenticator())
                .permissions(Permission.allowAny());
    }

    private Endpoint stylesheet() {
        byte[] css;
        try (InputStream in = Admin.class.getResourceAsStream("admin.css")) {
            css = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return build(Endpoint.builder(HttpMethod.GET, prefix + "admin.css")
                .output(Response.class)
                .produces("text/css")
                .authenticators(new Authenticator[0])
                .permissions(Permission.allowAny())
                .handle(r -> Response.of(200, "text/css; charset=utf-8", css)
                        .header("Cache-Control", "no-cache")
                        .header("X-Content-Type-Options", "nosniff")));
    }

    private static Endpoint build(EndpointBuilder builder) {
        return builder.hidden(true).source("Admin").build();
    }
}
