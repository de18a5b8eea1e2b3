package dev.portico.metrics;

import dev.portico.Portico;
import dev.portico.config.PorticoConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;

/**
 * An application's metrics on Micrometer, scraped by Prometheus: {@code http.server.requests} timers per endpoint
 * (by method, route template and status class), the JVM's memory, GC, threads, class loading, CPU and uptime, and
 * whatever else is bound to {@link #registry()} (the database pool, through {@code Database.poolMetrics}).
 * <pre>{@code
 * Metrics.create(config).ifPresent(metrics -> metrics.addTo(app));   // with metrics.enabled=true
 * }</pre>
 * The timers are resolved when the application is composed (core's {@link dev.portico.pipeline.RequestObserver}),
 * so a request adds one timer update to its cost.
 */
public final class Metrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final String path;
    private final String token;

    private Metrics(PorticoConfig config) {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.path = config.get(MetricsSettings.PATH);
        this.token = config.get(MetricsSettings.TOKEN);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("metrics.path '" + path + "' must start with /, as /metrics");
        }
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /**
     * The metrics when {@code metrics.enabled} is true, else empty; registers the {@code metrics.*} settings on the
     * configuration. {@link MetricsModule} is the one-call way.
     */
    public static Optional<Metrics> create(PorticoConfig config) {
        config.register(MetricsSettings.ALL.toArray(dev.portico.config.Setting<?>[]::new));
        return config.get(MetricsSettings.ENABLED) ? Optional.of(new Metrics(config)) : Optional.empty();
    }

    /** Metrics whatever {@code metrics.enabled} says: for code that turns them on itself. */
    public static Metrics enabled(PorticoConfig config) {
        return new Metrics(config.register(MetricsSettings.ALL.toArray(dev.portico.config.Setting<?>[]::new)));
    }

    /** The registry, for the application's own meters and other binders (the pool, caches). */
    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text of every meter now. */
    public String scrape() {
        return registry.scrape();
    }

    /**
     * Adds the timers of every endpoint and the scrape endpoint at {@code metrics.path} to {@code app}; the
     * application closes the metrics when it stops.
     */
    public Portico.Builder addTo(Portico.Builder app) {
        return app.observer(new MicrometerObserver(registry))
                .endpoint(ScrapeEndpoint.create(path, token, registry))
                .onStop(this);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
