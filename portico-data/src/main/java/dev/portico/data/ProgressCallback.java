package dev.portico.data;

import java.time.Duration;
import java.util.function.Supplier;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/** Flyway's per-migration events turned into {@link Migrations.Progress} calls, each with the time it took. */
final class ProgressCallback implements Callback {
    private final String module;
    private final Supplier<Migrations.Progress> progress;
    private long started;

    ProgressCallback(String module, Supplier<Migrations.Progress> progress) {
        this.module = module;
        this.progress = progress;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.BEFORE_EACH_MIGRATE) {
            started = System.nanoTime();
            return;
        }
        String script = context.getMigrationInfo().getScript();
        progress.get()
                .applied(
                        module.isEmpty() ? script : module + "/" + script,
                        Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public String getCallbackName() {
        return "portico-progress";
    }
}
