package dev.portico.metrics;

import dev.portico.Module;
import dev.portico.Portico;
import dev.portico.config.Setting;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Prometheus metrics, installed in one call: with {@code metrics.enabled=true} ({@code PORTICO_METRICS_ENABLED}),
 * a timer per endpoint, the JVM's meters, and the scrape page at {@code metrics.path} ({@code /metrics}); off, the
 * module does nothing. The page names every route, so turn it on where only the scraper reaches it, or set
 * {@code metrics.token}.
 * <pre>{@code
 * Portico.builder().config(config)
 *         .install(MetricsModule.create().bind(r -> db.poolMetrics(new MicrometerMetricsTrackerFactory(r))))
 * }</pre>
 */
public final class MetricsModule implements Module {
    private final List<Consumer<MeterRegistry>> binders = new ArrayList<>();

    private MetricsModule() {}

    /** The module; it reads the {@code metrics.*} settings when installed. */
    public static MetricsModule create() {
        return new MetricsModule();
    }

    /** Binds more meters to the registry when metrics are on, such as the database pool's. */
    public MetricsModule bind(Consumer<MeterRegistry> binder) {
        binders.add(binder);
        return this;
    }

    @Override
    public String name() {
        return "MetricsModule.create()";
    }

    @Override
    public List<Setting<?>> settings() {
        return MetricsSettings.ALL;
    }

    @Override
    public void install(Portico.Builder app) {
        Metrics.create(app.config()).ifPresent(metrics -> {
            metrics.addTo(app);
            binders.forEach(binder -> binder.accept(metrics.registry()));
        });
    }
}
