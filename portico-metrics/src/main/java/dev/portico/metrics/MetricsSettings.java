package dev.portico.metrics;

import dev.portico.config.PorticoConfig;
import dev.portico.config.Setting;
import java.util.List;

/**
 * The {@code metrics.*} settings. Metrics are off by default: the scrape page names every route and how busy it is,
 * which is for the operator, not the public; turn them on where the path is reachable only by the scraper, or set
 * {@code metrics.token} so the page answers only {@code Authorization: Bearer <token>}.
 */
public final class MetricsSettings {
    /** {@code metrics.enabled}. */
    public static final Setting<Boolean> ENABLED = Setting.bool(
            "metrics.enabled",
            false,
            "Record Micrometer metrics (a timer per endpoint, JVM, the database pool) and serve them at metrics.path.");
    /** {@code metrics.path}. */
    public static final Setting<String> PATH = Setting.string(
            "metrics.path",
            "/metrics",
            "Where the Prometheus text format is served (left out of the OpenAPI document).");
    /** {@code metrics.token}. */
    public static final Setting<String> TOKEN = Setting.secret(
            "metrics.token",
            "",
            "When set, the metrics page answers only Authorization: Bearer <token> (Prometheus' authorization: "
                    + "credentials); empty: open to whoever reaches the path.");

    /** Every {@code metrics.*} setting. */
    public static final List<Setting<?>> ALL =
            Setting.broughtBy("install(MetricsModule.create())", ENABLED, PATH, TOKEN);

    private MetricsSettings() {}

    /** Registers the {@code metrics.*} settings, so they load, validate and print like Portico's own. */
    public static PorticoConfig.Builder register(PorticoConfig.Builder builder) {
        return builder.register(ALL.toArray(Setting<?>[]::new));
    }
}
