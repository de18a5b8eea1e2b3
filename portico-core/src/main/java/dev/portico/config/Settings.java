package dev.portico.config;

import dev.portico.error.ErrorFormat;
import dev.portico.router.TrailingSlash;
import java.time.Duration;
import java.util.List;

/** Portico's own settings: every key, its default and what it does. {@code --print-config} lists them all. */
public final class Settings {
    private static final Limits LIMITS = Limits.defaults();

    public static final Setting<String> SERVER_HOST = Setting.string("server.host", "0.0.0.0", "Address to listen on.");
    public static final Setting<Integer> SERVER_PORT = Setting.integer(
                    "server.port", 8000, "Port to listen on; 0 picks a free one.")
            .alsoFromEnv("PORT");
    public static final Setting<Duration> SERVER_SHUTDOWN_GRACE = Setting.duration(
            "server.shutdown-grace",
            Duration.ofSeconds(20),
            "How long in-flight requests may run after SIGTERM before the server stops.");
    public static final Setting<Duration> SERVER_SHUTDOWN_DELAY = Setting.duration(
            "server.shutdown-delay",
            Duration.ZERO,
            "After SIGTERM, how long /ready answers 503 while requests are still served, so a load balancer that polls"
                    + " /ready stops sending before the port closes (set it above its poll interval).");
    public static final Setting<String> HEALTH_PATH = Setting.string(
            "health.path",
            "/health",
            "Liveness: answers 200 while the process runs; empty to serve none. Never authenticated, throttled or"
                    + " cached.");
    public static final Setting<String> HEALTH_READY_PATH = Setting.string(
            "health.ready-path",
            "/ready",
            "Readiness: 200 when every health check (database, Redis) answers, else 503; empty to serve none.");
    public static final Setting<Duration> HEALTH_TIMEOUT = Setting.duration(
            "health.timeout",
            Duration.ofSeconds(1),
            "How long /ready waits for its checks, run side by side, before counting the slow ones as down.");
    public static final Setting<Duration> SERVER_IDLE_TIMEOUT = Setting.duration(
            "server.idle-timeout",
            Duration.ofMinutes(5),
            "A connection that makes no progress this long (idle keep-alive, a stalled body or read) is closed; longer"
                    + " than a load balancer's own idle timeout, so it never reuses a closed one.");
    public static final Setting<Duration> SERVER_HEADER_TIMEOUT = Setting.duration(
            "server.header-timeout",
            Duration.ofSeconds(20),
            "Longest time a request line and its headers may take to arrive, however steadily "
                    + "they trickle (slowloris); the connection is closed past it.");
    public static final Setting<Duration> SERVER_BODY_TIMEOUT = Setting.duration(
            "server.body-timeout",
            Duration.ofSeconds(60),
            "Longest time a request body may take to arrive in full; 408 past it. Raise it "
                    + "with limits.body-size for large uploads from slow clients.");
    public static final Setting<Duration> SERVER_WRITE_TIMEOUT = Setting.duration(
            "server.write-timeout",
            Duration.ofSeconds(60),
            "Longest time the client may take to read a response in full; the connection is "
                    + "closed past it (slow readers).");
    public static final Setting<Integer> SERVER_MAX_CONNECTIONS = Setting.integer(
            "server.max-connections",
            0,
            "Most connections open at once; past it new ones wait in the listen queue and idle ones close after 2 s. "
                    + "0: three quarters of the process's file-descriptor limit, at most 10000.");
    public static final Setting<Integer> SERVER_ACCEPT_QUEUE = Setting.integer(
            "server.accept-queue",
            1024,
            "Connections the kernel holds, handshake done, until the server accepts them (the listen backlog), "
                    + "capped by net.core.somaxconn; past it, handshakes are dropped and each such client tries "
                    + "again a second later. 0: the JDK's 50, which drops a burst of a few hundred connections.");
    public static final Setting<String> SERVER_ALLOWED_HOSTS = Setting.string(
            "server.allowed-hosts",
            "localhost,127.0.0.1,[::1]",
            "Host names (comma-separated) the app may put in the links it builds from "
                    + "the Host header, such as a list's next page; others get 400, as Django's ALLOWED_HOSTS.");

    public static final Setting<Integer> SERVER_TRUSTED_PROXIES = Setting.integer(
            "server.trusted-proxies",
            0,
            "How many proxies stand in front of the app; the client IP is read from their forwarding header, 0: the"
                    + " socket.");
    public static final Setting<dev.portico.http.ClientAddress.Header> SERVER_FORWARDED_HEADER = Setting.choice(
            "server.forwarded-header",
            dev.portico.http.ClientAddress.Header.class,
            dev.portico.http.ClientAddress.Header.X_FORWARDED_FOR,
            "The forwarding header the trusted proxies write: x-forwarded-for or forwarded (the other is ignored).");
    public static final Setting<String> THROTTLE_ANONYMOUS = Setting.string(
            "throttle.anonymous",
            "",
            "Default rate for anonymous callers, by client IP, as \"20/min\"; empty: none. Code's throttle(...) wins.");
    public static final Setting<String> THROTTLE_AUTHENTICATED = Setting.string(
            "throttle.authenticated",
            "",
            "Default rate for signed-in callers, by user id, as \"100/min\"; empty: none. Code's throttle(...) wins.");
    public static final Setting<Integer> THROTTLE_MEMORY_MAX_KEYS = Setting.integer(
            "throttle.memory-max-keys",
            100_000,
            "Most callers the in-memory throttle store counts at once; more evicts the least recent.");
    public static final Setting<String> THROTTLE_FAILURES_ADDRESS = Setting.string(
            "throttle.failures.address",
            "10/min",
            "Failed authentications (any password, key or token refused) allowed per client IP, as \"10/min\"; then "
                    + "429 before any secret is checked. Empty: no limit.");
    public static final Setting<String> THROTTLE_FAILURES_USERNAME = Setting.string(
            "throttle.failures.username",
            "10/hour",
            "Failed authentications allowed per username tried, from any IP, as \"10/hour\"; then 429 "
                    + "before the password is checked. Empty: no limit.");
    public static final Setting<Long> LIMITS_BODY_SIZE =
            Setting.size("limits.body-size", LIMITS.bodySize(), "Largest request body; 413 past it.");
    public static final Setting<Long> LIMITS_HEADER_SIZE = Setting.size(
            "limits.header-size", LIMITS.headerSize(), "Largest request head (request line and headers); 431 past it.");
    public static final Setting<Integer> LIMITS_JSON_DEPTH =
            Setting.integer("limits.json-depth", LIMITS.jsonDepth(), "Deepest JSON nesting; 400 past it.");
    public static final Setting<Integer> LIMITS_JSON_STRING_LENGTH = Setting.integer(
            "limits.json-string-length", LIMITS.jsonStringLength(), "Longest JSON string, in characters; 400 past it.");
    public static final Setting<Integer> LIMITS_FORM_FIELDS = Setting.integer(
            "limits.form-fields", LIMITS.formFields(), "Most fields in one form body or query string; 400 past it.");
    public static final Setting<Integer> LIMITS_FORM_DEPTH = Setting.integer(
            "limits.form-depth", LIMITS.formDepth(), "Most dotted segments in one form field name; 400 past it.");
    public static final Setting<Integer> LIMITS_FORM_LIST_INDEX = Setting.integer(
            "limits.form-list-index", LIMITS.formListIndex(), "Largest list index in a form field name; 400 past it.");
    public static final Setting<Integer> LIMITS_MULTIPART_PARTS = Setting.integer(
            "limits.multipart-parts", LIMITS.multipartParts(), "Most parts in one multipart body; 400 past it.");
    public static final Setting<Long> LIMITS_MULTIPART_PART_SIZE = Setting.size(
            "limits.multipart-part-size", LIMITS.multipartPartSize(), "Largest multipart part; 413 past it.");
    public static final Setting<Long> LIMITS_MULTIPART_MEMORY_THRESHOLD = Setting.size(
            "limits.multipart-memory-threshold",
            LIMITS.multipartMemoryThreshold(),
            "Uploaded files larger than this are spooled to a temporary file, removed when the request ends.");
    public static final Setting<Integer> LIMITS_ERROR_ENTRIES = Setting.integer(
            "limits.error-entries",
            LIMITS.errorEntries(),
            "Most fields one 400 names; the others are counted in one last non_field_errors "
                    + "entry (\"…and 12 more errors.\"), and reading stops collecting them.");

    public static final Setting<Boolean> JSON_FAIL_ON_UNKNOWN_FIELDS = Setting.bool(
            "json.fail-on-unknown-fields",
            true,
            "Reject JSON bodies with fields the input type does not declare (400 naming the field).");
    public static final Setting<Boolean> JSON_DECIMALS_AS_STRINGS = Setting.bool(
            "json.decimals-as-strings",
            false,
            "Write BigDecimal as a JSON string (\"5000.00\") and read it from a string or a number, as DRF's "
                    + "COERCE_DECIMAL_TO_STRING does; the document says type: string, format: decimal.");
    public static final Setting<dev.portico.config.Naming> JSON_NAMING = Setting.choice(
            "json.naming",
            dev.portico.config.Naming.class,
            dev.portico.config.Naming.CAMEL_CASE,
            "How a Java name becomes a wire name in JSON, forms, query parameters, ordering, the document and the "
                    + "metadata: snake_case (publishDate is publish_date, as DRF writes it) or camel_case (unchanged). "
                    + "An explicit @JsonProperty wins.");
    public static final Setting<ErrorFormat> ERRORS_FORMAT = Setting.choice(
            "errors.format",
            ErrorFormat.class,
            ErrorFormat.SIMPLE,
            "simple: {detail, code, errors} as application/json; problem: RFC 9457 problem+json.");
    public static final Setting<TrailingSlash> ROUTING_TRAILING_SLASH = Setting.choice(
            "routing.trailing-slash",
            TrailingSlash.class,
            TrailingSlash.REDIRECT,
            "redirect: the other form of a path gets 308 to the declared one; match: both served; strict: 404.");
    public static final Setting<Boolean> ACCESS_LOG_ENABLED =
            Setting.bool("access-log.enabled", true, "One log line per request on the portico.access logger.");

    public static final Setting<Long> CACHE_MEMORY_MAX_SIZE = Setting.size(
            "cache.memory-max-size",
            64L * 1024 * 1024,
            "Bytes of responses the in-memory response cache keeps (least recently used out first).");

    public static final Setting<Boolean> OPENAPI_ENABLED = Setting.bool(
            "openapi.enabled",
            true,
            "Serve the OpenAPI document at openapi.path (the document is built and checked either way).");
    public static final Setting<String> OPENAPI_PATH = Setting.string(
            "openapi.path", "/api/schema/", "Where the OpenAPI document is served: YAML, or JSON with ?format=json.");
    public static final Setting<Boolean> OPENAPI_DOCS_PAGES = Setting.bool(
            "openapi.docs-pages",
            true,
            "Serve Swagger UI and Redoc at <openapi.path>swagger-ui/ and <openapi.path>redoc/ (needs"
                    + " openapi.enabled).");
    public static final Setting<String> OPENAPI_TITLE =
            Setting.string("openapi.title", "Portico API", "The document's info.title.");
    public static final Setting<String> OPENAPI_DESCRIPTION =
            Setting.string("openapi.description", "", "The document's info.description; empty for none.");
    public static final Setting<String> OPENAPI_VERSION =
            Setting.string("openapi.version", "1.0.0", "The document's info.version: the version of the API.");
    public static final Setting<String> OPENAPI_SERVER_URL = Setting.string(
            "openapi.server-url",
            "/",
            "The document's servers[0].url: / (the origin serving the document) by default; empty for no servers"
                    + " list.");
    public static final Setting<String> OPENAPI_SPEC_VERSION =
            Setting.string("openapi.spec-version", "3.1.0", "The OpenAPI version written: 3.1.0 or 3.0.3.");
    public static final Setting<String> OPENAPI_API_PREFIX = Setting.string(
            "openapi.api-prefix",
            "/api",
            "Tags are the first path segment after this prefix (/api/posts/ is tagged posts).");
    public static final Setting<OperationIdStyle> OPENAPI_OPERATION_ID_STYLE = Setting.choice(
            "openapi.operation-id-style",
            OperationIdStyle.class,
            OperationIdStyle.DRF,
            "drf: DRF's operationIds (listEmployees); spectacular: drf-spectacular's (employees_list), as Pegasus's "
                    + "clients call them (employeesList()).");

    public static final Setting<Boolean> API_BROWSABLE = Setting.bool(
            "api.browsable",
            true,
            "Answer browsers (Accept: text/html, or ?format=api) with the browsable API's page when the app installs"
                    + " one (portico-auth's BrowsableApi); false: JSON only.");

    /** Every built-in setting, in documentation order. */
    public static final List<Setting<?>> ALL = List.of(
            SERVER_HOST,
            SERVER_PORT,
            SERVER_SHUTDOWN_GRACE,
            SERVER_SHUTDOWN_DELAY,
            SERVER_IDLE_TIMEOUT,
            SERVER_HEADER_TIMEOUT,
            SERVER_BODY_TIMEOUT,
            SERVER_WRITE_TIMEOUT,
            SERVER_MAX_CONNECTIONS,
            SERVER_ACCEPT_QUEUE,
            SERVER_ALLOWED_HOSTS,
            SERVER_TRUSTED_PROXIES,
            SERVER_FORWARDED_HEADER,
            THROTTLE_ANONYMOUS,
            THROTTLE_AUTHENTICATED,
            THROTTLE_MEMORY_MAX_KEYS,
            THROTTLE_FAILURES_ADDRESS,
            THROTTLE_FAILURES_USERNAME,
            LIMITS_BODY_SIZE,
            LIMITS_HEADER_SIZE,
            LIMITS_JSON_DEPTH,
            LIMITS_JSON_STRING_LENGTH,
            LIMITS_FORM_FIELDS,
            LIMITS_FORM_DEPTH,
            LIMITS_FORM_LIST_INDEX,
            LIMITS_MULTIPART_PARTS,
            LIMITS_MULTIPART_PART_SIZE,
            LIMITS_MULTIPART_MEMORY_THRESHOLD,
            LIMITS_ERROR_ENTRIES,
            JSON_FAIL_ON_UNKNOWN_FIELDS,
            JSON_DECIMALS_AS_STRINGS,
            JSON_NAMING,
            ERRORS_FORMAT,
            ROUTING_TRAILING_SLASH,
            ACCESS_LOG_ENABLED,
            OPENAPI_ENABLED,
            OPENAPI_PATH,
            OPENAPI_DOCS_PAGES,
            OPENAPI_TITLE,
            OPENAPI_DESCRIPTION,
            OPENAPI_VERSION,
            OPENAPI_SERVER_URL,
            OPENAPI_SPEC_VERSION,
            OPENAPI_API_PREFIX,
            API_BROWSABLE,
            OPENAPI_OPERATION_ID_STYLE,
            CACHE_MEMORY_MAX_SIZE,
            HEALTH_PATH,
            HEALTH_READY_PATH,
            HEALTH_TIMEOUT);

    private Settings() {}
}
